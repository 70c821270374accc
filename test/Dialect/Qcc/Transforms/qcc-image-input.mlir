// RUN: qcc-opt %s --qcc-image-input="mean=123.675,116.28,103.53 std=58.395,57.12,57.375" --split-input-file --verify-diagnostics | FileCheck %s

!q = !quant.uniform<i8:f32, 0.02:3>

// The input takes uint8 pixels, quantized per channel with scale 1 / std
// and zero point round(mean); the quantize becomes a requantize from it.
// CHECK-LABEL: func.func @image
// CHECK-SAME:    (%[[P:.*]]: tensor<1x3x4x4x!quant.uniform<u8:f32:1, {0.0171{{[0-9]*}}:124,0.0175{{[0-9]*}}:116,0.0174{{[0-9]*}}:104}>> {qcc.name = "x"})
// CHECK-NEXT:    %[[Q:.*]] = qcc.requantize %[[P]] {{.*}} -> tensor<1x3x4x4x!quant.uniform<i8:f32, 2.000000e-02:3>>
// CHECK-NEXT:    qcc.relu %[[Q]]
func.func @image(%x: tensor<1x3x4x4xf32> {qcc.name = "x"}) -> tensor<1x3x4x4xf32> {
  %q = qcc.quantize %x : (tensor<1x3x4x4xf32>) -> tensor<1x3x4x4x!q>
  %r = qcc.relu %q : (tensor<1x3x4x4x!q>) -> tensor<1x3x4x4x!q>
  %d = qcc.dequantize %r : (tensor<1x3x4x4x!q>) -> tensor<1x3x4x4xf32>
  return %d : tensor<1x3x4x4xf32>
}

// -----

!q = !quant.uniform<i8:f32, 0.02:3>

// expected-error @+1 {{qcc-image-input: 3 means for an input of 2 channels}}
func.func @channels(%x: tensor<1x2x4x4xf32>) -> tensor<1x2x4x4x!q> {
  %q = qcc.quantize %x : (tensor<1x2x4x4xf32>) -> tensor<1x2x4x4x!q>
  return %q : tensor<1x2x4x4x!q>
}

// -----

// expected-error @+1 {{qcc-image-input: no rank-4 argument that is only quantized per tensor}}
func.func @float(%x: tensor<1x3x4x4xf32>) -> tensor<1x3x4x4xf32> {
  return %x : tensor<1x3x4x4xf32>
}
