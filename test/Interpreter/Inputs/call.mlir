func.func private @sink(tensor<4xi32>)
func.func @main(%a: tensor<4xi32>) -> tensor<4xi32> {
  func.call @sink(%a) : (tensor<4xi32>) -> ()
  return %a : tensor<4xi32>
}
