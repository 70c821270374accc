func.func @main(%x: tensor<1x4xf32>) -> tensor<1x4xf32> {
  %two = qcc.constant dense<2.0> : tensor<1x4xf32>
  %0 = qcc.mul %x, %two : (tensor<1x4xf32>, tensor<1x4xf32>) -> tensor<1x4xf32>
  %1 = qcc.relu %0 : (tensor<1x4xf32>) -> tensor<1x4xf32>
  %2 = qcc.sigmoid %1 : (tensor<1x4xf32>) -> tensor<1x4xf32>
  return %2 : tensor<1x4xf32>
}
