func.func @main(%x: tensor<1x4xf32>) -> tensor<1x3xf32> {
  %w1 = qcc.constant dense<[[1.27, -0.31, 0.12, 0.05], [-0.4, 1.27, 0.21, -0.6], [0.33, 0.1, -1.27, 0.44], [0.02, -0.5, 0.61, 1.27], [1.27, 0.66, -0.2, -0.13]]> : tensor<5x4xf32>
  %b1 = qcc.constant dense<[0.1, -0.2, 0.05, 0.0, 0.3]> : tensor<5xf32>
  %0 = qcc.fully_connected %x, %w1, %b1 {fused_activation = #qcc.activation<relu>} : (tensor<1x4xf32>, tensor<5x4xf32>, tensor<5xf32>) -> tensor<1x5xf32>
  %1 = qcc.sigmoid %0 : (tensor<1x5xf32>) -> tensor<1x5xf32>
  %w2 = qcc.constant dense<[[1.27, -0.7, 0.45, 0.3, -0.9], [-0.25, 0.8, -1.27, 0.6, 0.15], [0.5, 0.5, 0.5, -0.8, 1.27]]> : tensor<3x5xf32>
  %2 = qcc.fully_connected %1, %w2 : (tensor<1x5xf32>, tensor<3x5xf32>) -> tensor<1x3xf32>
  return %2 : tensor<1x3xf32>
}
