// Integer add, sub (with a fused relu), mul with broadcasting, global
// average pooling and softmax on int8 tensors of different scales and zero
// points.
func.func @main(%a: tensor<64x256xi8>, %b: tensor<256xi8>) -> (tensor<64x256xi8>, tensor<64x256xi8>, tensor<64x256xi8>, tensor<64x1x1xi8>, tensor<64x256xi8>) {
  %qa = qcc.storage_cast %a : (tensor<64x256xi8>) -> tensor<64x256x!quant.uniform<i8:f32, 0.05:3>>
  %qb = qcc.storage_cast %b : (tensor<256xi8>) -> tensor<256x!quant.uniform<i8:f32, 0.02:-7>>
  %add = qcc.add %qa, %qb : (tensor<64x256x!quant.uniform<i8:f32, 0.05:3>>, tensor<256x!quant.uniform<i8:f32, 0.02:-7>>) -> tensor<64x256x!quant.uniform<i8:f32, 0.07:-2>>
  %sub = qcc.sub %qa, %qb {fused_activation = #qcc.activation<relu>} : (tensor<64x256x!quant.uniform<i8:f32, 0.05:3>>, tensor<256x!quant.uniform<i8:f32, 0.02:-7>>) -> tensor<64x256x!quant.uniform<i8:f32, 0.06:1>>
  %mul = qcc.mul %qa, %qb : (tensor<64x256x!quant.uniform<i8:f32, 0.05:3>>, tensor<256x!quant.uniform<i8:f32, 0.02:-7>>) -> tensor<64x256x!quant.uniform<i8:f32, 0.004:0>>
  %r = qcc.reshape %qa : (tensor<64x256x!quant.uniform<i8:f32, 0.05:3>>) -> tensor<64x1x256x!quant.uniform<i8:f32, 0.05:3>>
  %gap = qcc.global_avg_pool %r : (tensor<64x1x256x!quant.uniform<i8:f32, 0.05:3>>) -> tensor<64x1x1x!quant.uniform<i8:f32, 0.03:5>>
  %sm = qcc.softmax %qa {axis = 1 : i64} : (tensor<64x256x!quant.uniform<i8:f32, 0.05:3>>) -> tensor<64x256x!quant.uniform<i8:f32, 0.00390625:-128>>
  %o4 = qcc.storage_cast %sm : (tensor<64x256x!quant.uniform<i8:f32, 0.00390625:-128>>) -> tensor<64x256xi8>
  %o0 = qcc.storage_cast %add : (tensor<64x256x!quant.uniform<i8:f32, 0.07:-2>>) -> tensor<64x256xi8>
  %o1 = qcc.storage_cast %sub : (tensor<64x256x!quant.uniform<i8:f32, 0.06:1>>) -> tensor<64x256xi8>
  %o2 = qcc.storage_cast %mul : (tensor<64x256x!quant.uniform<i8:f32, 0.004:0>>) -> tensor<64x256xi8>
  %o3 = qcc.storage_cast %gap : (tensor<64x1x1x!quant.uniform<i8:f32, 0.03:5>>) -> tensor<64x1x1xi8>
  return %o0, %o1, %o2, %o3, %o4 : tensor<64x256xi8>, tensor<64x256xi8>, tensor<64x256xi8>, tensor<64x1x1xi8>, tensor<64x256xi8>
}
