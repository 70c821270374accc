// int16 mul whose centered product (up to 65535^2) exceeds int32.
func.func @main(%a: tensor<4096xi16>, %b: tensor<4096xi16>) -> tensor<4096xi16> {
  %qa = qcc.storage_cast %a : (tensor<4096xi16>) -> tensor<4096x!quant.uniform<i16:f32, 1.0e-4:-32768>>
  %qb = qcc.storage_cast %b : (tensor<4096xi16>) -> tensor<4096x!quant.uniform<i16:f32, 2.0e-4:-32768>>
  %mul = qcc.mul %qa, %qb : (tensor<4096x!quant.uniform<i16:f32, 1.0e-4:-32768>>, tensor<4096x!quant.uniform<i16:f32, 2.0e-4:-32768>>) -> tensor<4096x!quant.uniform<i16:f32, 1.4e-3:-32768>>
  %o = qcc.storage_cast %mul : (tensor<4096x!quant.uniform<i16:f32, 1.4e-3:-32768>>) -> tensor<4096xi16>
  return %o : tensor<4096xi16>
}
