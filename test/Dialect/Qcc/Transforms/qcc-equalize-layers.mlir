// RUN: qcc-opt %s --qcc-equalize-layers --split-input-file | FileCheck %s

// Channel 0: ranges 4 (first) and 1 (second), s = 2; channel 1: ranges 1 and
// 4, s = 0.5. Both channels end with range 2 in both layers; the first
// layer's bias is divided by s too.
// CHECK-LABEL: func.func @pair
// CHECK:         %[[W1:.*]] = qcc.constant dense<2.000000e+00> : tensor<2x1x1x1xf32>
// CHECK:         %[[B1:.*]] = qcc.constant dense<[1.000000e+00, 2.000000e+00]> : tensor<2xf32>
// CHECK:         %[[A:.*]] = qcc.conv2d %arg0, %[[W1]], %[[B1]] {fused_activation = #qcc.activation<relu>}
// CHECK:         %[[W2:.*]] = qcc.constant dense<2.000000e+00> : tensor<1x2x1x1xf32>
// CHECK:         qcc.conv2d %[[A]], %[[W2]] :
func.func @pair(%x: tensor<1x1x3x3xf32>) -> tensor<1x1x3x3xf32> {
  %w1 = qcc.constant dense<[[[[4.0]]], [[[1.0]]]]> : tensor<2x1x1x1xf32>
  %b1 = qcc.constant dense<[2.0, 1.0]> : tensor<2xf32>
  %a = qcc.conv2d %x, %w1, %b1 {fused_activation = #qcc.activation<relu>} : (tensor<1x1x3x3xf32>, tensor<2x1x1x1xf32>, tensor<2xf32>) -> tensor<1x2x3x3xf32>
  %w2 = qcc.constant dense<[[[[1.0]], [[4.0]]]]> : tensor<1x2x1x1xf32>
  %y = qcc.conv2d %a, %w2 : (tensor<1x2x3x3xf32>, tensor<1x2x1x1xf32>) -> tensor<1x1x3x3xf32>
  return %y : tensor<1x1x3x3xf32>
}

// -----

// A depthwise second layer (groups = channels) reads channel c with filter
// c only; a chain of three is swept until all ranges settle at the
// geometric mean, here (8 * 2 * 0.5)^(1/3) = 2 for channel 0 (to within
// the sweeps' tolerance of 0.1 %).
// CHECK-LABEL: func.func @depthwise_chain
// CHECK:         qcc.constant dense<{{\[}}[{{\[}}[{{2\.000[0-9]*}}]]], {{\[}}[{{\[}}1.000000e+00]]]]> : tensor<2x1x1x1xf32>
// CHECK:         qcc.constant dense<{{\[}}[{{\[}}[{{1\.999[0-9]*}}]]], {{\[}}[{{\[}}1.000000e+00]]]]> : tensor<2x1x1x1xf32>
// CHECK:         qcc.constant dense<{{\[}}[{{\[}}[{{1\.999[0-9]*}}]], {{\[}}[1.000000e+00]]]]> : tensor<1x2x1x1xf32>
func.func @depthwise_chain(%x: tensor<1x1x3x3xf32>) -> tensor<1x1x3x3xf32> {
  %w1 = qcc.constant dense<[[[[8.0]]], [[[1.0]]]]> : tensor<2x1x1x1xf32>
  %a = qcc.conv2d %x, %w1 : (tensor<1x1x3x3xf32>, tensor<2x1x1x1xf32>) -> tensor<1x2x3x3xf32>
  %w2 = qcc.constant dense<[[[[2.0]]], [[[1.0]]]]> : tensor<2x1x1x1xf32>
  %b = qcc.conv2d %a, %w2 {groups = 2 : i64, fused_activation = #qcc.activation<relu>} : (tensor<1x2x3x3xf32>, tensor<2x1x1x1xf32>) -> tensor<1x2x3x3xf32>
  %w3 = qcc.constant dense<[[[[0.5]], [[1.0]]]]> : tensor<1x2x1x1xf32>
  %y = qcc.conv2d %b, %w3 : (tensor<1x2x3x3xf32>, tensor<1x2x1x1xf32>) -> tensor<1x1x3x3xf32>
  return %y : tensor<1x1x3x3xf32>
}

// -----

// A clip (relu6) does not commute with scaling; a first layer with two uses
// cannot be rescaled for one of them.
// CHECK-LABEL: func.func @not_equalized
// CHECK-DAG:     qcc.constant dense<{{\[}}[{{\[}}[4.000000e+00]]], {{\[}}[{{\[}}1.000000e+00]]]]>
// CHECK-DAG:     qcc.constant dense<{{\[}}[{{\[}}[1.000000e+00]], {{\[}}[4.000000e+00]]]]>
func.func @not_equalized(%x: tensor<1x1x3x3xf32>) -> (tensor<1x1x3x3xf32>, tensor<1x2x3x3xf32>) {
  %w1 = qcc.constant dense<[[[[4.0]]], [[[1.0]]]]> : tensor<2x1x1x1xf32>
  %a = qcc.conv2d %x, %w1 {fused_activation = #qcc.activation<clip, min = 0.0, max = 6.0>} : (tensor<1x1x3x3xf32>, tensor<2x1x1x1xf32>) -> tensor<1x2x3x3xf32>
  %w2 = qcc.constant dense<[[[[1.0]], [[4.0]]]]> : tensor<1x2x1x1xf32>
  %y = qcc.conv2d %a, %w2 : (tensor<1x2x3x3xf32>, tensor<1x2x1x1xf32>) -> tensor<1x1x3x3xf32>
  %b = qcc.conv2d %x, %w1 : (tensor<1x1x3x3xf32>, tensor<2x1x1x1xf32>) -> tensor<1x2x3x3xf32>
  %z = qcc.conv2d %b, %w2 : (tensor<1x2x3x3xf32>, tensor<1x2x1x1xf32>) -> tensor<1x1x3x3xf32>
  return %z, %b : tensor<1x1x3x3xf32>, tensor<1x2x3x3xf32>
}
