// An int32 accumulator with per-channel scales requantized to int8 and to
// uint8, and an int8 tensor requantized to int16 and, by exactly 1/4 (every
// odd value a tie of the Q31 multiply), to int8.
func.func @main(%acc: tensor<2x6xi32>, %q: tensor<6xi8>) -> (tensor<2x6xi8>, tensor<2x6xui8>, tensor<6xi16>, tensor<6xi8>) {
  %a = qcc.storage_cast %acc : (tensor<2x6xi32>) -> tensor<2x6x!quant.uniform<i32:f32:0, {0.00031,0.0071}>>
  %y = qcc.requantize %a : (tensor<2x6x!quant.uniform<i32:f32:0, {0.00031,0.0071}>>) -> tensor<2x6x!quant.uniform<i8:f32, 0.05:-3>>
  %u = qcc.requantize %a : (tensor<2x6x!quant.uniform<i32:f32:0, {0.00031,0.0071}>>) -> tensor<2x6x!quant.uniform<u8:f32, 0.125:128>>
  %x = qcc.storage_cast %q : (tensor<6xi8>) -> tensor<6x!quant.uniform<i8:f32, 0.5:1>>
  %w = qcc.requantize %x : (tensor<6x!quant.uniform<i8:f32, 0.5:1>>) -> tensor<6x!quant.uniform<i16:f32, 0.001:-7>>
  %t = qcc.requantize %x : (tensor<6x!quant.uniform<i8:f32, 0.5:1>>) -> tensor<6x!quant.uniform<i8:f32, 2.0>>
  %ti = qcc.storage_cast %t : (tensor<6x!quant.uniform<i8:f32, 2.0>>) -> tensor<6xi8>
  %yi = qcc.storage_cast %y : (tensor<2x6x!quant.uniform<i8:f32, 0.05:-3>>) -> tensor<2x6xi8>
  %ui = qcc.storage_cast %u : (tensor<2x6x!quant.uniform<u8:f32, 0.125:128>>) -> tensor<2x6xui8>
  %wi = qcc.storage_cast %w : (tensor<6x!quant.uniform<i16:f32, 0.001:-7>>) -> tensor<6xi16>
  return %yi, %ui, %wi, %ti : tensor<2x6xi8>, tensor<2x6xui8>, tensor<6xi16>, tensor<6xi8>
}
