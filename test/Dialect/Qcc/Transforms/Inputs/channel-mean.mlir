func.func @main(%x: tensor<1x4xf32>) -> tensor<1x2xf32> {
  %w = qcc.constant dense<[[2.0, 0.0, 0.0, 0.0], [0.0, 2.0, 0.0, 0.0], [0.0, 0.0, 2.0, 0.0], [0.0, 0.0, 0.0, 2.0]]> : tensor<4x4xf32>
  %0 = qcc.fully_connected %x, %w : (tensor<1x4xf32>, tensor<4x4xf32>) -> tensor<1x4xf32>
  %1 = qcc.relu %0 : (tensor<1x4xf32>) -> tensor<1x4xf32>
  %w2 = qcc.constant dense<1.0> : tensor<2x4xf32>
  %2 = qcc.fully_connected %1, %w2 : (tensor<1x4xf32>, tensor<2x4xf32>) -> tensor<1x2xf32>
  return %2 : tensor<1x2xf32>
}
