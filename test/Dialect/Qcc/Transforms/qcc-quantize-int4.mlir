// RUN: qcc-opt %s --qcc-quantize | FileCheck %s
// RUN: qcc-opt %s --qcc-quantize="bias-correction=false" | FileCheck %s --check-prefix=PLAIN

// int4 weights: the clipping ratio with the least squared error. Row
// [0.7, 0.16]: at scale 0.7 / 7 = 0.1 it stores [7, 2] with error 0.04^2;
// at 0.98 of that, 0.098, it stores [7, 2] with the least error,
// 0.014^2 + 0.036^2 < 0.04^2.
// CHECK-LABEL: func.func @int4
// CHECK:         qcc.constant dense<{{\[}}[7, 2]]> : tensor<1x2xi4> -> tensor<1x2x!quant.uniform<i4<-7:7>:f32:0, {0.0979999{{[0-9]*}}}>>
// Bias correction: the stored weights [0.686, 0.196] err by [-0.014, 0.036];
// with input channel means [0.5, 2] the output mean shifts by 0.065, so the
// bias 0.25 becomes 0.185: 189 at scale 0.01 * 0.098 (255 uncorrected).
// CHECK:         qcc.constant dense<189> : tensor<1xi32>
// PLAIN:         qcc.constant dense<255> : tensor<1xi32>
func.func @int4(%x: tensor<1x2xf32> {qcc.range = #qcc.range<-1.0, 1.55>, qcc.channel_mean = array<f32: 0.5, 2.0>}) -> tensor<1x1xf32> {
  %w = qcc.constant dense<[[0.7, 0.16]]> : tensor<1x2xf32>
  %b = qcc.constant dense<[0.25]> : tensor<1xf32>
  %y = qcc.fully_connected %x, %w, %b {qcc.weight_bits = 4 : i64, qcc.range = #qcc.range<-2.0, 2.0>} : (tensor<1x2xf32>, tensor<1x2xf32>, tensor<1xf32>) -> tensor<1x1xf32>
  return %y : tensor<1x1xf32>
}
