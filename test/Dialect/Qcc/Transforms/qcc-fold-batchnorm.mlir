// RUN: qcc-opt %s --qcc-fold-batchnorm --canonicalize --split-input-file | FileCheck %s

// g = scale / sqrt(var + eps) = [2 / sqrt(4), 3 / sqrt(9)] = [1, 1] * [1, 1]
// with var + eps = [4, 9]: W' = W * [1, 1]; b' = (b - mean) * g + beta.
// CHECK-LABEL: func.func @batch_norm
// CHECK-DAG:     %[[W:.*]] = qcc.constant dense<{{\[\[\[\[}}2.000000e+00]]], {{\[\[\[}}3.000000e+00]]]]> : tensor<2x1x1x1xf32>
// CHECK-DAG:     %[[B:.*]] = qcc.constant dense<[1.500000e+00, -1.000000e+00]> : tensor<2xf32>
// CHECK:         %[[C:.*]] = qcc.conv2d %arg0, %[[W]], %[[B]] : {{.*}} -> tensor<1x2x2x2xf32>
// CHECK-NOT:     qcc.batch_norm
// CHECK:         return %[[C]]
func.func @batch_norm(%x: tensor<1x1x2x2xf32>) -> tensor<1x2x2x2xf32> {
  %w = qcc.constant dense<[[[[2.0]]], [[[3.0]]]]> : tensor<2x1x1x1xf32>
  %b = qcc.constant dense<[1.0, 2.0]> : tensor<2xf32>
  %scale = qcc.constant dense<[2.0, 3.0]> : tensor<2xf32>
  %beta = qcc.constant dense<[0.5, -1.0]> : tensor<2xf32>
  %mean = qcc.constant dense<[0.0, 2.0]> : tensor<2xf32>
  %var = qcc.constant dense<[3.5, 8.5]> : tensor<2xf32>
  %c = qcc.conv2d %x, %w, %b : (tensor<1x1x2x2xf32>, tensor<2x1x1x1xf32>, tensor<2xf32>) -> tensor<1x2x2x2xf32>
  %y = qcc.batch_norm %c, %scale, %beta, %mean, %var {epsilon = 0.5 : f32} : (tensor<1x2x2x2xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>) -> tensor<1x2x2x2xf32>
  return %y : tensor<1x2x2x2xf32>
}

// -----

// A per-channel mul then a scalar add (constant on the left) fold too.
// CHECK-LABEL: func.func @mul_add
// CHECK-DAG:     %[[W:.*]] = qcc.constant dense<{{\[\[\[\[}}4.000000e+00]]], {{\[\[\[}}-1.000000e+00]]]]> : tensor<2x1x1x1xf32>
// CHECK-DAG:     %[[B:.*]] = qcc.constant dense<3.000000e+00> : tensor<2xf32>
// CHECK:         qcc.conv2d %arg0, %[[W]], %[[B]]
// CHECK-NOT:     qcc.mul
// CHECK-NOT:     qcc.add
func.func @mul_add(%x: tensor<1x1x2x2xf32>) -> tensor<1x2x2x2xf32> {
  %w = qcc.constant dense<[[[[2.0]]], [[[1.0]]]]> : tensor<2x1x1x1xf32>
  %m = qcc.constant dense<[[[2.0]], [[-1.0]]]> : tensor<2x1x1xf32>
  %a = qcc.constant dense<3.0> : tensor<f32>
  %c = qcc.conv2d %x, %w : (tensor<1x1x2x2xf32>, tensor<2x1x1x1xf32>) -> tensor<1x2x2x2xf32>
  %y = qcc.mul %c, %m : (tensor<1x2x2x2xf32>, tensor<2x1x1xf32>) -> tensor<1x2x2x2xf32>
  %z = qcc.add %a, %y : (tensor<f32>, tensor<1x2x2x2xf32>) -> tensor<1x2x2x2xf32>
  return %z : tensor<1x2x2x2xf32>
}

// -----

// Not folded: the convolution has another user, or the constant varies
// along the spatial axes.
// CHECK-LABEL: func.func @not_folded
// CHECK:         qcc.batch_norm
// CHECK:         qcc.mul
func.func @not_folded(%x: tensor<1x1x2x2xf32>, %s: tensor<1xf32>) -> (tensor<1x1x2x2xf32>, tensor<1x1x2x2xf32>, tensor<1x1x2x2xf32>) {
  %w = qcc.constant dense<2.0> : tensor<1x1x1x1xf32>
  %c = qcc.conv2d %x, %w : (tensor<1x1x2x2xf32>, tensor<1x1x1x1xf32>) -> tensor<1x1x2x2xf32>
  %y = qcc.batch_norm %c, %s, %s, %s, %s : (tensor<1x1x2x2xf32>, tensor<1xf32>, tensor<1xf32>, tensor<1xf32>, tensor<1xf32>) -> tensor<1x1x2x2xf32>
  %c2 = qcc.conv2d %x, %w : (tensor<1x1x2x2xf32>, tensor<1x1x1x1xf32>) -> tensor<1x1x2x2xf32>
  %m = qcc.constant dense<[[1.0, 2.0], [3.0, 4.0]]> : tensor<2x2xf32>
  %z = qcc.mul %c2, %m : (tensor<1x1x2x2xf32>, tensor<2x2xf32>) -> tensor<1x1x2x2xf32>
  return %c, %y, %z : tensor<1x1x2x2xf32>, tensor<1x1x2x2xf32>, tensor<1x1x2x2xf32>
}

// -----

// A batch norm with no convolution to fold into becomes a 1x1 depthwise
// convolution: weights g = scale / sqrt(var + eps), bias beta - mean * g.
// CHECK-LABEL: func.func @standalone
// CHECK-DAG:     %[[W:.*]] = qcc.constant dense<1.000000e+00> : tensor<2x1x1x1xf32>
// CHECK-DAG:     %[[B:.*]] = qcc.constant dense<[5.000000e-01, -3.000000e+00]> : tensor<2xf32>
// CHECK:         qcc.conv2d %arg0, %[[W]], %[[B]] {groups = 2 : i64} : (tensor<1x2x2x2xf32>, tensor<2x1x1x1xf32>, tensor<2xf32>) -> tensor<1x2x2x2xf32>
func.func @standalone(%x: tensor<1x2x2x2xf32>) -> tensor<1x2x2x2xf32> {
  %scale = qcc.constant dense<[2.0, 3.0]> : tensor<2xf32>
  %beta = qcc.constant dense<[0.5, -1.0]> : tensor<2xf32>
  %mean = qcc.constant dense<[0.0, 2.0]> : tensor<2xf32>
  %var = qcc.constant dense<[3.5, 8.5]> : tensor<2xf32>
  %y = qcc.batch_norm %x, %scale, %beta, %mean, %var {epsilon = 0.5 : f32} : (tensor<1x2x2x2xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>) -> tensor<1x2x2x2xf32>
  return %y : tensor<1x2x2x2xf32>
}
