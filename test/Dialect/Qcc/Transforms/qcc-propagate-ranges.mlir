// RUN: qcc-opt %s --qcc-propagate-ranges --split-input-file | FileCheck %s

// Static propagation from a hand-written argument range through relu, clip,
// pooling, reshape and concat (the union).
// CHECK-LABEL: func.func @chain
// CHECK-SAME:    qcc.range = #qcc.range<-2.000000e+00, 3.000000e+00>
// CHECK:         qcc.relu {{.*}} {qcc.range = #qcc.range<0.000000e+00, 3.000000e+00>}
// CHECK:         qcc.clip {{.*}} {max = 2.500000e+00 : f64, min = 5.000000e-01 : f64, qcc.range = #qcc.range<5.000000e-01, 2.500000e+00>}
// CHECK:         qcc.max_pool2d {{.*}} qcc.range = #qcc.range<5.000000e-01, 2.500000e+00>
// CHECK:         qcc.reshape {{.*}} {qcc.range = #qcc.range<5.000000e-01, 2.500000e+00>}
// CHECK:         qcc.concat {{.*}} qcc.range = #qcc.range<-2.000000e+00, 3.000000e+00>
func.func @chain(%x: tensor<1x1x4x4xf32> {qcc.range = #qcc.range<-2.0, 3.0>}) -> tensor<1x1x6xf32> {
  %0 = qcc.relu %x : (tensor<1x1x4x4xf32>) -> tensor<1x1x4x4xf32>
  %1 = qcc.clip %0 {min = 0.5 : f64, max = 2.5 : f64} : (tensor<1x1x4x4xf32>) -> tensor<1x1x4x4xf32>
  %2 = qcc.max_pool2d %1 {kernel = array<i64: 2, 2>, strides = array<i64: 2, 2>} : (tensor<1x1x4x4xf32>) -> tensor<1x1x2x2xf32>
  %3 = qcc.reshape %2 : (tensor<1x1x2x2xf32>) -> tensor<1x1x4xf32>
  %4 = qcc.reshape %x : (tensor<1x1x4x4xf32>) -> tensor<1x1x16xf32>
  %5 = qcc.max_pool2d %x {kernel = array<i64: 4, 4>} : (tensor<1x1x4x4xf32>) -> tensor<1x1x1x1xf32>
  %6 = qcc.reshape %5 : (tensor<1x1x1x1xf32>) -> tensor<1x1x1xf32>
  %7 = qcc.relu %6 : (tensor<1x1x1xf32>) -> tensor<1x1x1xf32>
  %8 = qcc.concat %3, %6, %7 {axis = 2 : i64} : (tensor<1x1x4xf32>, tensor<1x1x1xf32>, tensor<1x1x1xf32>) -> tensor<1x1x6xf32>
  return %8 : tensor<1x1x6xf32>
}

// -----

// Bounded activations need no input range; monotone ones map the input's.
// CHECK-LABEL: func.func @activations
// CHECK:         qcc.sigmoid {{.*}} {qcc.range = #qcc.range<0.000000e+00, 1.000000e+00>}
// CHECK:         qcc.tanh {{.*}} {qcc.range = #qcc.range<-1.000000e+00, 1.000000e+00>}
// CHECK:         qcc.hard_sigmoid {{.*}}qcc.range = #qcc.range<0.000000e+00, 1.000000e+00>
// CHECK:         qcc.softmax {{.*}} qcc.range = #qcc.range<0.000000e+00, 1.000000e+00>
// CHECK:         qcc.leaky_relu {{.*}} qcc.range = #qcc.range<-1.00000001{{[0-9]*}}, 4.000000e+00>
// CHECK:         qcc.hard_swish {{.*}} {qcc.range = #qcc.range<-3.750000e-01, 4.000000e+00>}
// CHECK:         qcc.add {{.*}} {qcc.range = #qcc.range<-5.375000e+00, 8.000000e+00>}
// CHECK:         qcc.mul {{.*}} {qcc.range = #qcc.range<-2.000000e+01, 2.500000e+01>}
func.func @activations(%x: tensor<4xf32>, %y: tensor<4xf32> {qcc.range = #qcc.range<-5.0, 4.0>}) -> (tensor<4xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4xf32>) {
  %0 = qcc.sigmoid %x : (tensor<4xf32>) -> tensor<4xf32>
  %1 = qcc.tanh %x : (tensor<4xf32>) -> tensor<4xf32>
  %2 = qcc.hard_sigmoid %x : (tensor<4xf32>) -> tensor<4xf32>
  %3 = qcc.softmax %x {axis = 0 : i64} : (tensor<4xf32>) -> tensor<4xf32>
  %4 = qcc.leaky_relu %y {alpha = 0.2 : f32} : (tensor<4xf32>) -> tensor<4xf32>
  %5 = qcc.hard_swish %y : (tensor<4xf32>) -> tensor<4xf32>
  %6 = qcc.add %y, %5 : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  %7 = qcc.mul %y, %y : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  return %0, %1, %2, %3, %4, %5, %6, %7 : tensor<4xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4xf32>
}

// -----

// A range set by hand is kept; an unbounded result gets none; a fused relu
// bounds a convolution from below.
// CHECK-LABEL: func.func @given_and_unknown
// CHECK:         qcc.relu {{.*}} {qcc.range = #qcc.range<0.000000e+00, 1.000000e+00>}
// CHECK:         qcc.conv2d
// CHECK-NOT:       qcc.range
// CHECK-SAME:      -> tensor<1x1x2x2xf32>
func.func @given_and_unknown(%x: tensor<1x1x2x2xf32>, %w: tensor<1x1x1x1xf32>) -> (tensor<1x1x2x2xf32>, tensor<1x1x2x2xf32>) {
  %0 = qcc.relu %x {qcc.range = #qcc.range<0.0, 1.0>} : (tensor<1x1x2x2xf32>) -> tensor<1x1x2x2xf32>
  %1 = qcc.conv2d %x, %w : (tensor<1x1x2x2xf32>, tensor<1x1x1x1xf32>) -> tensor<1x1x2x2xf32>
  return %0, %1 : tensor<1x1x2x2xf32>, tensor<1x1x2x2xf32>
}
