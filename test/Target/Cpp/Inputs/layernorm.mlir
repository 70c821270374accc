func.func @main(%x: tensor<1x4xf32>) -> tensor<1x4xf32> {
  %w = qcc.constant dense<0.5> : tensor<4x4xf32>
  %y = qcc.fully_connected %x, %w : (tensor<1x4xf32>, tensor<4x4xf32>) -> tensor<1x4xf32>
  %g = qcc.constant dense<1.5> : tensor<4xf32>
  %n = qcc.layer_norm %y, %g {axis = 1 : i64} : (tensor<1x4xf32>, tensor<4xf32>) -> tensor<1x4xf32>
  return %n : tensor<1x4xf32>
}
