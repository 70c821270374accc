// Values that are outputs and also read again through aliases: the first
// output is reshaped into the second and into the input of a relu.
func.func @main(%x: tensor<1x4xi8>) -> (tensor<1x4xi8>, tensor<4xi8>, tensor<2x2xi8>) {
  %q = qcc.storage_cast %x : (tensor<1x4xi8>) -> tensor<1x4x!quant.uniform<i8:f32, 0.1:-3>>
  %r = qcc.relu %q : (tensor<1x4x!quant.uniform<i8:f32, 0.1:-3>>) -> tensor<1x4x!quant.uniform<i8:f32, 0.1:-3>>
  %o = qcc.storage_cast %r : (tensor<1x4x!quant.uniform<i8:f32, 0.1:-3>>) -> tensor<1x4xi8>
  %f = qcc.reshape %o : (tensor<1x4xi8>) -> tensor<4xi8>
  %s = qcc.reshape %o : (tensor<1x4xi8>) -> tensor<2x2xi8>
  %t = qcc.storage_cast %s : (tensor<2x2xi8>) -> tensor<2x2x!quant.uniform<i8:f32, 0.1:-3>>
  %u = qcc.clip %t {min = 0.0 : f64, max = 0.5 : f64} : (tensor<2x2x!quant.uniform<i8:f32, 0.1:-3>>) -> tensor<2x2x!quant.uniform<i8:f32, 0.1:-3>>
  %v = qcc.storage_cast %u : (tensor<2x2x!quant.uniform<i8:f32, 0.1:-3>>) -> tensor<2x2xi8>
  return %o, %f, %v : tensor<1x4xi8>, tensor<4xi8>, tensor<2x2xi8>
}
