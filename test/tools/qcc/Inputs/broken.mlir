func.func @main(%x: tensor<1x4xf32>) -> tensor<1x4xf32> {
  %y = qcc.relu %x : (tensor<1x4xf32>) -> tensor<1x4xf32>
  return %y tensor<1x4xf32>
}
