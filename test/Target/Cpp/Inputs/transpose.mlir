func.func @main(%x: tensor<1x4xf32>) -> tensor<4x1xf32> {
  %w = qcc.constant dense<0.5> : tensor<4x4xf32>
  %y = qcc.fully_connected %x, %w : (tensor<1x4xf32>, tensor<4x4xf32>) -> tensor<1x4xf32>
  %t = qcc.transpose %y {perms = array<i64: 1, 0>} : (tensor<1x4xf32>) -> tensor<4x1xf32>
  return %t : tensor<4x1xf32>
}
