// RUN: qcc-opt %s | qcc-opt | FileCheck %s

// Float parameters of #qcc.range and #qcc.activation round-trip, including
// negative values and the hexadecimal form in which the printer writes
// infinities. (Integer literals are not accepted: write 6.0, not 6.)

// CHECK-LABEL: func.func @negative_bounds(
// CHECK: qcc.relu %arg0 {qcc.range = #qcc.range<-1.500000e+00, 6.000000e+00>} : (tensor<4xf32>) -> tensor<4xf32>
// CHECK: qcc.add %arg0, %arg0 {fused_activation = #qcc.activation<clip, min = -1.000000e+00, max = 1.000000e+00>} : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
// CHECK: qcc.add %arg0, %arg0 {fused_activation = #qcc.activation<leaky_relu, alpha = -2.500000e-01>} : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
func.func @negative_bounds(%x: tensor<4xf32>) -> (tensor<4xf32>, tensor<4xf32>, tensor<4xf32>) {
  %0 = qcc.relu %x {qcc.range = #qcc.range<-1.5, 6.0>} : (tensor<4xf32>) -> tensor<4xf32>
  %1 = qcc.add %x, %x {fused_activation = #qcc.activation<clip, min = -1.0, max = 1.0>} : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  %2 = qcc.add %x, %x {fused_activation = #qcc.activation<leaky_relu, alpha = -0.25>} : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  return %0, %1, %2 : tensor<4xf32>, tensor<4xf32>, tensor<4xf32>
}

// An unbounded clip, printed with the hexadecimal form of +infinity.
// CHECK-LABEL: func.func @infinite_clip_bound(
// CHECK: qcc.add %arg0, %arg0 {fused_activation = #qcc.activation<clip, min = 0.000000e+00, max = 0x7FF0000000000000>} : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
func.func @infinite_clip_bound(%x: tensor<4xf32>) -> tensor<4xf32> {
  %0 = qcc.add %x, %x {fused_activation = #qcc.activation<clip, min = 0.0, max = 0x7FF0000000000000>} : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}
