// RUN: qcc-opt %s --qcc-verify-integer-only --split-input-file --verify-diagnostics | FileCheck %s

// Dequantize only at the outputs: accepted.
// CHECK-LABEL: func.func @integer_only
func.func @integer_only(%x: tensor<4xf32>) -> tensor<4xf32> {
  %q = qcc.quantize %x : (tensor<4xf32>) -> tensor<4x!quant.uniform<i8:f32, 0.1>>
  %r = qcc.relu %q : (tensor<4x!quant.uniform<i8:f32, 0.1>>) -> tensor<4x!quant.uniform<i8:f32, 0.1>>
  %y = qcc.dequantize %r : (tensor<4x!quant.uniform<i8:f32, 0.1>>) -> tensor<4xf32>
  return %y : tensor<4xf32>
}

// -----

// A float op between a dequantize and the output is rejected.
func.func @float_inside(%x: tensor<4xf32>) -> tensor<4xf32> {
  %q = qcc.quantize %x : (tensor<4xf32>) -> tensor<4x!quant.uniform<i8:f32, 0.1>>
  %f = qcc.dequantize %q : (tensor<4x!quant.uniform<i8:f32, 0.1>>) -> tensor<4xf32>
  // expected-error @+1 {{float qcc.sigmoid inside the quantized graph (it reads a dequantized value)}}
  %s = qcc.sigmoid %f : (tensor<4xf32>) -> tensor<4xf32>
  return %s : tensor<4xf32>
}
