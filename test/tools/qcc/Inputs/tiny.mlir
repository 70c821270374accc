func.func @main(%x: tensor<1x4xf32>) -> tensor<1x2xf32> {
  %w = qcc.constant dense<1.0> : tensor<2x4xf32>
  %y = qcc.fully_connected %x, %w : (tensor<1x4xf32>, tensor<2x4xf32>) -> tensor<1x2xf32>
  %r = qcc.reshape %y : (tensor<1x2xf32>) -> tensor<2xf32>
  %s = qcc.reshape %r : (tensor<2xf32>) -> tensor<1x2xf32>
  return %s : tensor<1x2xf32>
}
