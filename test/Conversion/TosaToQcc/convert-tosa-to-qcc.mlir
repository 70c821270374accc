// RUN: qcc-opt %s --convert-tosa-to-qcc --split-input-file --verify-diagnostics | FileCheck %s

// CHECK-LABEL: func.func @conv2d
// CHECK-SAME:    %[[X:.*]]: tensor<1x5x5x2xf32>, %[[W:.*]]: tensor<3x3x3x2xf32>, %[[B:.*]]: tensor<3xf32>
// CHECK:         %[[XT:.*]] = qcc.transpose %[[X]] {perms = array<i64: 0, 3, 1, 2>} : (tensor<1x5x5x2xf32>) -> tensor<1x2x5x5xf32>
// CHECK:         %[[WT:.*]] = qcc.transpose %[[W]] {perms = array<i64: 0, 3, 1, 2>} : (tensor<3x3x3x2xf32>) -> tensor<3x2x3x3xf32>
// CHECK:         %[[C:.*]] = qcc.conv2d %[[XT]], %[[WT]], %[[B]] {dilations = array<i64: 1, 2>, pads = array<i64: 1, 0, 1, 3>, strides = array<i64: 2, 1>}
// CHECK-SAME:      -> tensor<1x3x3x4xf32>
// CHECK:         %[[Y:.*]] = qcc.transpose %[[C]] {perms = array<i64: 0, 2, 3, 1>} : (tensor<1x3x3x4xf32>) -> tensor<1x3x4x3xf32>
// CHECK:         return %[[Y]]
func.func @conv2d(%x: tensor<1x5x5x2xf32>, %w: tensor<3x3x3x2xf32>, %b: tensor<3xf32>) -> tensor<1x3x4x3xf32> {
  %zp = "tosa.const"() {values = dense<0.0> : tensor<1xf32>} : () -> tensor<1xf32>
  %y = tosa.conv2d %x, %w, %b, %zp, %zp {acc_type = f32, pad = array<i64: 1, 1, 0, 3>, stride = array<i64: 2, 1>, dilation = array<i64: 1, 2>}
      : (tensor<1x5x5x2xf32>, tensor<3x3x3x2xf32>, tensor<3xf32>, tensor<1xf32>, tensor<1xf32>) -> tensor<1x3x4x3xf32>
  return %y : tensor<1x3x4x3xf32>
}

// -----

// A depthwise weight [KH, KW, C, M] becomes [C * M, 1, KH, KW], groups = C.
// CHECK-LABEL: func.func @depthwise_conv2d
// CHECK:         %[[WT:.*]] = qcc.transpose %{{.*}} {perms = array<i64: 2, 3, 0, 1>} : (tensor<3x3x4x2xf32>) -> tensor<4x2x3x3xf32>
// CHECK:         %[[WR:.*]] = qcc.reshape %[[WT]] : (tensor<4x2x3x3xf32>) -> tensor<8x1x3x3xf32>
// CHECK:         qcc.conv2d %{{.*}}, %[[WR]], %{{.*}} {groups = 4 : i64} : (tensor<1x4x6x6xf32>, tensor<8x1x3x3xf32>, tensor<8xf32>) -> tensor<1x8x4x4xf32>
func.func @depthwise_conv2d(%x: tensor<1x6x6x4xf32>, %w: tensor<3x3x4x2xf32>, %b: tensor<8xf32>) -> tensor<1x4x4x8xf32> {
  %zp = "tosa.const"() {values = dense<0.0> : tensor<1xf32>} : () -> tensor<1xf32>
  %y = tosa.depthwise_conv2d %x, %w, %b, %zp, %zp {acc_type = f32, pad = array<i64: 0, 0, 0, 0>, stride = array<i64: 1, 1>, dilation = array<i64: 1, 1>}
      : (tensor<1x6x6x4xf32>, tensor<3x3x4x2xf32>, tensor<8xf32>, tensor<1xf32>, tensor<1xf32>) -> tensor<1x4x4x8xf32>
  return %y : tensor<1x4x4x8xf32>
}

// -----

// CHECK-LABEL: func.func @elementwise
// CHECK:         %[[C:.*]] = qcc.clip %{{.*}} {max = 6.000000e+00 : f64, min = 0.000000e+00 : f64}
// CHECK:         %[[A:.*]] = qcc.add %[[C]], %{{.*}} : (tensor<2x3xf32>, tensor<1x3xf32>) -> tensor<2x3xf32>
// CHECK:         %[[S:.*]] = qcc.sub %[[A]], %{{.*}}
// CHECK:         %[[M:.*]] = qcc.mul %[[S]], %{{.*}}
// CHECK:         qcc.matmul %{{.*}}, %{{.*}} : (tensor<1x2x3xf32>, tensor<1x3x4xf32>) -> tensor<1x2x4xf32>
func.func @elementwise(%x: tensor<2x3xf32>, %y: tensor<1x3xf32>, %w: tensor<1x3x4xf32>) -> tensor<1x2x4xf32> {
  %zp = "tosa.const"() {values = dense<0.0> : tensor<1xf32>} : () -> tensor<1xf32>
  %shift = "tosa.const"() {values = dense<0> : tensor<1xi8>} : () -> tensor<1xi8>
  %c = tosa.clamp %x {min_val = 0.0 : f32, max_val = 6.0 : f32} : (tensor<2x3xf32>) -> tensor<2x3xf32>
  %a = tosa.add %c, %y : (tensor<2x3xf32>, tensor<1x3xf32>) -> tensor<2x3xf32>
  %s = tosa.sub %a, %y : (tensor<2x3xf32>, tensor<1x3xf32>) -> tensor<2x3xf32>
  %m = tosa.mul %s, %y, %shift : (tensor<2x3xf32>, tensor<1x3xf32>, tensor<1xi8>) -> tensor<2x3xf32>
  %shape = tosa.const_shape {values = dense<[1, 2, 3]> : tensor<3xindex>} : () -> !tosa.shape<3>
  %r = tosa.reshape %m, %shape : (tensor<2x3xf32>, !tosa.shape<3>) -> tensor<1x2x3xf32>
  %mm = tosa.matmul %r, %w, %zp, %zp : (tensor<1x2x3xf32>, tensor<1x3x4xf32>, tensor<1xf32>, tensor<1xf32>) -> tensor<1x2x4xf32>
  return %mm : tensor<1x2x4xf32>
}

// -----

// TOSA pools average over the valid positions only; pads are reordered.
// CHECK-LABEL: func.func @pools
// CHECK:         qcc.avg_pool2d %{{.*}} {kernel = array<i64: 3, 3>, pads = array<i64: 1, 1, 1, 1>} : (tensor<1x2x4x4xf32>) -> tensor<1x2x4x4xf32>
// CHECK:         qcc.max_pool2d %{{.*}} {kernel = array<i64: 2, 2>, strides = array<i64: 2, 2>} : (tensor<1x2x4x4xf32>) -> tensor<1x2x2x2xf32>
func.func @pools(%x: tensor<1x4x4x2xf32>) -> tensor<1x2x2x2xf32> {
  %zp = "tosa.const"() {values = dense<0.0> : tensor<1xf32>} : () -> tensor<1xf32>
  %a = tosa.avg_pool2d %x, %zp, %zp {acc_type = f32, kernel = array<i64: 3, 3>, stride = array<i64: 1, 1>, pad = array<i64: 1, 1, 1, 1>}
      : (tensor<1x4x4x2xf32>, tensor<1xf32>, tensor<1xf32>) -> tensor<1x4x4x2xf32>
  %m = tosa.max_pool2d %a {kernel = array<i64: 2, 2>, stride = array<i64: 2, 2>, pad = array<i64: 0, 0, 0, 0>}
      : (tensor<1x4x4x2xf32>) -> tensor<1x2x2x2xf32>
  return %m : tensor<1x2x2x2xf32>
}

// -----

// CHECK-LABEL: func.func @data_movement
// CHECK:         qcc.transpose %{{.*}} {perms = array<i64: 1, 0>} : (tensor<2x3xf32>) -> tensor<3x2xf32>
// CHECK:         qcc.concat %{{.*}}, %{{.*}} {axis = 1 : i64} : (tensor<3x2xf32>, tensor<3x2xf32>) -> tensor<3x4xf32>
// CHECK:         qcc.pad %{{.*}} {pads = array<i64: 1, 0, 2, 3>, value = 5.000000e-01 : f64} : (tensor<3x4xf32>) -> tensor<6x7xf32>
func.func @data_movement(%x: tensor<2x3xf32>) -> tensor<6x7xf32> {
  %t = tosa.transpose %x {perms = array<i32: 1, 0>} : (tensor<2x3xf32>) -> tensor<3x2xf32>
  %c = tosa.concat %t, %t {axis = 1 : i32} : (tensor<3x2xf32>, tensor<3x2xf32>) -> tensor<3x4xf32>
  %padding = tosa.const_shape {values = dense<[1, 2, 0, 3]> : tensor<4xindex>} : () -> !tosa.shape<4>
  %value = "tosa.const"() {values = dense<0.5> : tensor<1xf32>} : () -> tensor<1xf32>
  %p = tosa.pad %c, %padding, %value : (tensor<3x4xf32>, !tosa.shape<4>, tensor<1xf32>) -> tensor<6x7xf32>
  return %p : tensor<6x7xf32>
}

// -----

// Quantized TOSA is not converted: the op is named in the error.
func.func @quantized(%x: tensor<1x4xi8>) -> tensor<1x4xi8> {
  // expected-error @+1 {{failed to legalize operation 'tosa.clamp'}}
  %c = tosa.clamp %x {min_val = 0 : i8, max_val = 6 : i8} : (tensor<1x4xi8>) -> tensor<1x4xi8>
  return %c : tensor<1x4xi8>
}

// -----

// transpose_conv2d: weight [OC, KH, KW, IC] -> [IC, OC, KH, KW]; a negative
// out_pad crops, a positive one at the end is output padding.
// CHECK-LABEL: func.func @transpose_conv2d
// CHECK:         %[[WT:.*]] = qcc.transpose %{{.*}} {perms = array<i64: 3, 0, 1, 2>} : (tensor<3x2x2x4xf32>) -> tensor<4x3x2x2xf32>
// CHECK:         qcc.conv_transpose2d %{{.*}}, %[[WT]], %{{.*}} {output_padding = array<i64: 0, 1>, pads = array<i64: 1, 0, 0, 0>, strides = array<i64: 2, 2>}
// CHECK-SAME:      : (tensor<1x4x3x3xf32>, tensor<4x3x2x2xf32>, tensor<3xf32>) -> tensor<1x3x5x7xf32>
func.func @transpose_conv2d(%x: tensor<1x3x3x4xf32>, %w: tensor<3x2x2x4xf32>, %b: tensor<3xf32>) -> tensor<1x5x7x3xf32> {
  %zp = "tosa.const"() {values = dense<0.0> : tensor<1xf32>} : () -> tensor<1xf32>
  %y = tosa.transpose_conv2d %x, %w, %b, %zp, %zp {acc_type = f32, out_pad = array<i64: -1, 0, 0, 1>, stride = array<i64: 2, 2>}
      : (tensor<1x3x3x4xf32>, tensor<3x2x2x4xf32>, tensor<3xf32>, tensor<1xf32>, tensor<1xf32>) -> tensor<1x5x7x3xf32>
  return %y : tensor<1x5x7x3xf32>
}
