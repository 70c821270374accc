// A squeeze-and-excitation block and a classifier head: global average
// pooling, a hard-sigmoid gate (a lookup table) multiplied back with
// broadcasting, a residual add, a matmul and softmax.
func.func @main(%x: tensor<1x4x3x3xf32>) -> tensor<1x3xf32> {
  %g = qcc.global_avg_pool %x : (tensor<1x4x3x3xf32>) -> tensor<1x4x1x1xf32>
  %w = qcc.constant dense<[[[[0.5]], [[-0.25]], [[0.75]], [[0.1]]], [[[0.2]], [[0.6]], [[-0.4]], [[0.3]]], [[[-0.7]], [[0.35]], [[0.15]], [[0.9]]], [[[0.45]], [[-0.55]], [[0.25]], [[-0.3]]]]> : tensor<4x4x1x1xf32>
  %c = qcc.conv2d %g, %w : (tensor<1x4x1x1xf32>, tensor<4x4x1x1xf32>) -> tensor<1x4x1x1xf32>
  %s = qcc.hard_sigmoid %c {alpha = 0.2 : f32, beta = 0.5 : f32} : (tensor<1x4x1x1xf32>) -> tensor<1x4x1x1xf32>
  %m = qcc.mul %x, %s : (tensor<1x4x3x3xf32>, tensor<1x4x1x1xf32>) -> tensor<1x4x3x3xf32>
  %a = qcc.add %m, %x : (tensor<1x4x3x3xf32>, tensor<1x4x3x3xf32>) -> tensor<1x4x3x3xf32>
  %p = qcc.global_avg_pool %a : (tensor<1x4x3x3xf32>) -> tensor<1x4x1x1xf32>
  %r = qcc.reshape %p : (tensor<1x4x1x1xf32>) -> tensor<1x4xf32>
  %h = qcc.constant dense<[[0.8, -0.3, 0.5], [0.1, 0.9, -0.6], [-0.4, 0.2, 0.7], [0.3, -0.8, 0.25]]> : tensor<4x3xf32>
  %y = qcc.matmul %r, %h : (tensor<1x4xf32>, tensor<4x3xf32>) -> tensor<1x3xf32>
  %z = qcc.softmax %y {axis = 1 : i64} : (tensor<1x3xf32>) -> tensor<1x3xf32>
  return %z : tensor<1x3xf32>
}
