// A quantized pad, which the C++ backend does not print yet.
func.func @main(%x: tensor<1x1x2x2xi8>) -> tensor<1x1x4x4xi8> {
  %q = qcc.storage_cast %x : (tensor<1x1x2x2xi8>) -> tensor<1x1x2x2x!quant.uniform<i8:f32, 0.1:-3>>
  %p = qcc.pad %q {pads = array<i64: 0, 0, 1, 1, 0, 0, 1, 1>} : (tensor<1x1x2x2x!quant.uniform<i8:f32, 0.1:-3>>) -> tensor<1x1x4x4x!quant.uniform<i8:f32, 0.1:-3>>
  %y = qcc.storage_cast %p : (tensor<1x1x4x4x!quant.uniform<i8:f32, 0.1:-3>>) -> tensor<1x1x4x4xi8>
  return %y : tensor<1x1x4x4xi8>
}
