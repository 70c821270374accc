// RUN: qcc-opt %s --qcc-fuse-layers --split-input-file | FileCheck %s

// CHECK-LABEL: func.func @conv_relu
// CHECK:         %[[C:.*]] = qcc.conv2d %arg0, %arg1 {fused_activation = #qcc.activation<relu>, qcc.range = #qcc.range<0.000000e+00, 2.000000e+00>}
// CHECK-NOT:     qcc.relu
// CHECK:         return %[[C]]
func.func @conv_relu(%x: tensor<1x1x4x4xf32>, %w: tensor<2x1x1x1xf32>) -> tensor<1x2x4x4xf32> {
  %0 = qcc.conv2d %x, %w : (tensor<1x1x4x4xf32>, tensor<2x1x1x1xf32>) -> tensor<1x2x4x4xf32>
  %1 = qcc.relu %0 {qcc.range = #qcc.range<0.0, 2.0>} : (tensor<1x2x4x4xf32>) -> tensor<1x2x4x4xf32>
  return %1 : tensor<1x2x4x4xf32>
}

// -----

// relu6 as a clip is fused; a hard_swish is not (it becomes a lookup table).
// CHECK-LABEL: func.func @clip_and_add
// CHECK:         qcc.fully_connected {{.*}} {fused_activation = #qcc.activation<clip, min = 0.000000e+00, max = 6.000000e+00>}
// CHECK-NOT:     qcc.clip
// CHECK:         %[[A:.*]] = qcc.add %{{.*}}, %{{.*}} : (tensor<1x4xf32>
// CHECK:         qcc.hard_swish %[[A]]
func.func @clip_and_add(%x: tensor<1x4xf32>, %w: tensor<4x4xf32>) -> tensor<1x4xf32> {
  %0 = qcc.fully_connected %x, %w : (tensor<1x4xf32>, tensor<4x4xf32>) -> tensor<1x4xf32>
  %1 = qcc.clip %0 {min = 0.0 : f64, max = 6.0 : f64} : (tensor<1x4xf32>) -> tensor<1x4xf32>
  %2 = qcc.add %1, %x : (tensor<1x4xf32>, tensor<1x4xf32>) -> tensor<1x4xf32>
  %3 = qcc.hard_swish %2 : (tensor<1x4xf32>) -> tensor<1x4xf32>
  return %3 : tensor<1x4xf32>
}

// -----

// Not fused: the convolution has another user, or already an activation;
// a clip without both bounds is no fused activation.
// CHECK-LABEL: func.func @not_fused
// CHECK:         qcc.conv2d %arg0, %arg1 :
// CHECK:         qcc.relu
// CHECK:         qcc.conv2d %arg0, %arg1 {fused_activation = #qcc.activation<relu>}
// CHECK:         qcc.sigmoid
// CHECK:         qcc.clip
func.func @not_fused(%x: tensor<1x1x4x4xf32>, %w: tensor<2x1x1x1xf32>) -> (tensor<1x2x4x4xf32>, tensor<1x2x4x4xf32>, tensor<1x2x4x4xf32>, tensor<1x2x4x4xf32>) {
  %0 = qcc.conv2d %x, %w : (tensor<1x1x4x4xf32>, tensor<2x1x1x1xf32>) -> tensor<1x2x4x4xf32>
  %1 = qcc.relu %0 : (tensor<1x2x4x4xf32>) -> tensor<1x2x4x4xf32>
  %2 = qcc.conv2d %x, %w {fused_activation = #qcc.activation<relu>} : (tensor<1x1x4x4xf32>, tensor<2x1x1x1xf32>) -> tensor<1x2x4x4xf32>
  %3 = qcc.sigmoid %2 : (tensor<1x2x4x4xf32>) -> tensor<1x2x4x4xf32>
  %4 = qcc.clip %1 {min = 0.0 : f64} : (tensor<1x2x4x4xf32>) -> tensor<1x2x4x4xf32>
  return %0, %1, %3, %4 : tensor<1x2x4x4xf32>, tensor<1x2x4x4xf32>, tensor<1x2x4x4xf32>, tensor<1x2x4x4xf32>
}

// -----

// Hard-swish decomposed as ONNX exporters write it: x * clip(x + 3, 0, 6) / 6
// becomes one hard_swish with the division's range.
// CHECK-LABEL: func.func @hard_swish
// CHECK:         %[[H:.*]] = qcc.hard_swish %arg0 {qcc.range = #qcc.range<-3.750000e-01, 4.000000e+00>}
// CHECK-NEXT:    return %[[H]]
func.func @hard_swish(%x: tensor<1x8xf32>) -> tensor<1x8xf32> {
  %three = qcc.constant dense<3.0> : tensor<f32>
  %six = qcc.constant dense<6.0> : tensor<f32>
  %a = qcc.add %x, %three : (tensor<1x8xf32>, tensor<f32>) -> tensor<1x8xf32>
  %c = qcc.clip %a {min = 0.0 : f64, max = 6.0 : f64} : (tensor<1x8xf32>) -> tensor<1x8xf32>
  %m = qcc.mul %x, %c : (tensor<1x8xf32>, tensor<1x8xf32>) -> tensor<1x8xf32>
  %d = qcc.div %m, %six {qcc.range = #qcc.range<-0.375, 4.0>} : (tensor<1x8xf32>, tensor<f32>) -> tensor<1x8xf32>
  return %d : tensor<1x8xf32>
}

// -----

// The same with the gate first and a multiplication by 1/6.
// CHECK-LABEL: func.func @hard_swish_times_sixth
// CHECK:         %[[H:.*]] = qcc.hard_swish %arg0
// CHECK-NEXT:    return %[[H]]
func.func @hard_swish_times_sixth(%x: tensor<1x8xf32>) -> tensor<1x8xf32> {
  %three = qcc.constant dense<3.0> : tensor<f32>
  %sixth = qcc.constant dense<0.166666672> : tensor<f32>
  %a = qcc.add %three, %x : (tensor<f32>, tensor<1x8xf32>) -> tensor<1x8xf32>
  %c = qcc.clip %a {min = 0.0 : f64, max = 6.0 : f64} : (tensor<1x8xf32>) -> tensor<1x8xf32>
  %m = qcc.mul %c, %x : (tensor<1x8xf32>, tensor<1x8xf32>) -> tensor<1x8xf32>
  %d = qcc.mul %m, %sixth : (tensor<1x8xf32>, tensor<f32>) -> tensor<1x8xf32>
  return %d : tensor<1x8xf32>
}

// -----

// Not a hard-swish: the gate adds 2, so the ops stay (the clip fuses).
// CHECK-LABEL: func.func @not_hard_swish
// CHECK-NOT:     qcc.hard_swish
// CHECK:         qcc.add %arg0, %{{.*}} {fused_activation = #qcc.activation<clip, min = 0.000000e+00, max = 6.000000e+00>}
// CHECK:         qcc.mul
// CHECK:         qcc.div
func.func @not_hard_swish(%x: tensor<1x8xf32>) -> tensor<1x8xf32> {
  %two = qcc.constant dense<2.0> : tensor<f32>
  %six = qcc.constant dense<6.0> : tensor<f32>
  %a = qcc.add %x, %two : (tensor<1x8xf32>, tensor<f32>) -> tensor<1x8xf32>
  %c = qcc.clip %a {min = 0.0 : f64, max = 6.0 : f64} : (tensor<1x8xf32>) -> tensor<1x8xf32>
  %m = qcc.mul %x, %c : (tensor<1x8xf32>, tensor<1x8xf32>) -> tensor<1x8xf32>
  %d = qcc.div %m, %six : (tensor<1x8xf32>, tensor<f32>) -> tensor<1x8xf32>
  return %d : tensor<1x8xf32>
}
