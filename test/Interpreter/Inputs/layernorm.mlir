// qcc's integer layer norm on int8 rows of 2x8 values (scale broadcast over
// the last axis, with negative entries; bias over the first) and on int16
// rows of 64.
func.func @main(%a: tensor<32x2x8xi8>, %b: tensor<8x64xi16>) -> (tensor<32x2x8xi8>, tensor<8x64xi16>) {
  %qa = qcc.storage_cast %a : (tensor<32x2x8xi8>) -> tensor<32x2x8x!quant.uniform<i8:f32, 0.05:3>>
  %g = qcc.constant dense<[1.5, -0.75, 0.5, 2.0, -1.25, 0.25, 1.0, 0.8]> : tensor<8xf32>
  %bias = qcc.constant dense<[[0.3], [-0.6]]> : tensor<2x1xf32>
  %ln = qcc.layer_norm %qa, %g, %bias {axis = 1 : i64, epsilon = 1.0e-5 : f32} : (tensor<32x2x8x!quant.uniform<i8:f32, 0.05:3>>, tensor<8xf32>, tensor<2x1xf32>) -> tensor<32x2x8x!quant.uniform<i8:f32, 0.03:-5>>
  %o0 = qcc.storage_cast %ln : (tensor<32x2x8x!quant.uniform<i8:f32, 0.03:-5>>) -> tensor<32x2x8xi8>
  %qb = qcc.storage_cast %b : (tensor<8x64xi16>) -> tensor<8x64x!quant.uniform<i16:f32, 0.001:-100>>
  %g2 = qcc.constant dense<0.9> : tensor<64xf32>
  %ln2 = qcc.layer_norm %qb, %g2 {axis = 1 : i64, epsilon = 1.0e-3 : f32} : (tensor<8x64x!quant.uniform<i16:f32, 0.001:-100>>, tensor<64xf32>) -> tensor<8x64x!quant.uniform<i16:f32, 0.0002:0>>
  %o1 = qcc.storage_cast %ln2 : (tensor<8x64x!quant.uniform<i16:f32, 0.0002:0>>) -> tensor<8x64xi16>
  return %o0, %o1 : tensor<32x2x8xi8>, tensor<8x64xi16>
}
