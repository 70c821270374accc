// A small CNN for the C++ backend's tests: a 3x3 convolution with bias and
// relu, a strided depthwise convolution with relu6, max pooling, a clip
// (not fused: a clamp of its own), flatten and a fully connected layer.
func.func @main(%x: tensor<1x2x6x6xf32>) -> tensor<1x3xf32> {
  %w1 = qcc.constant dense<[[[[0.250, 0.794, 0.551],
   [-0.550, -0.400, 0.747],
   [-0.989, 0.642, 0.594]],

  [[-0.064, -0.394, -0.443],
   [-0.490, -0.110, 0.009],
   [0.107, 0.991, 0.585]]],


 [[[0.244, 0.978, -0.569],
   [-0.680, 0.225, -0.912],
   [-0.929, 0.030, -0.068]],

  [[0.834, 0.258, 0.028],
   [-0.006, -0.505, -0.976],
   [-0.615, 0.384, -0.599]]],


 [[[-0.261, -0.993, 0.660],
   [-0.691, -0.465, 0.761],
   [0.020, 0.694, 0.279]],

  [[0.484, -0.817, 0.082],
   [0.016, 0.743, -0.277],
   [0.196, -0.881, -0.225]]],


 [[[-0.354, -0.700, 0.633],
   [-0.241, 0.957, 0.180],
   [0.210, 0.276, 0.353]],

  [[-0.698, -0.119, -0.521],
   [-0.195, -0.807, 0.936],
   [-0.570, 0.344, -0.399]]]]> : tensor<4x2x3x3xf32>
  %b1 = qcc.constant dense<[0.224, 0.097, -0.221, 0.207]> : tensor<4xf32>
  %c1 = qcc.conv2d %x, %w1, %b1 {pads = array<i64: 1, 1, 1, 1>} : (tensor<1x2x6x6xf32>, tensor<4x2x3x3xf32>, tensor<4xf32>) -> tensor<1x4x6x6xf32>
  %r1 = qcc.relu %c1 : (tensor<1x4x6x6xf32>) -> tensor<1x4x6x6xf32>
  %w2 = qcc.constant dense<[[[[0.890, 0.808, 0.139],
   [-0.709, -0.615, 0.856],
   [0.105, -0.639, 0.768]]],


 [[[0.283, 0.139, -0.247],
   [-0.178, -0.521, -0.924],
   [0.752, -0.065, 0.095]]],


 [[[-0.356, 0.503, -0.950],
   [-0.256, -0.939, -0.754],
   [0.934, 0.316, -0.144]]],


 [[[0.047, 0.746, -0.312],
   [0.181, 0.367, -0.289],
   [0.038, 0.530, 0.818]]]]> : tensor<4x1x3x3xf32>
  %c2 = qcc.conv2d %r1, %w2 {groups = 4 : i64, strides = array<i64: 2, 2>, pads = array<i64: 1, 1, 1, 1>} : (tensor<1x4x6x6xf32>, tensor<4x1x3x3xf32>) -> tensor<1x4x3x3xf32>
  %r2 = qcc.clip %c2 {min = 0.0 : f64, max = 6.0 : f64} : (tensor<1x4x3x3xf32>) -> tensor<1x4x3x3xf32>
  %p = qcc.max_pool2d %r2 {kernel = array<i64: 2, 2>, strides = array<i64: 1, 1>} : (tensor<1x4x3x3xf32>) -> tensor<1x4x2x2xf32>
  %q = qcc.clip %p {min = 0.5 : f64, max = 2.0 : f64} : (tensor<1x4x2x2xf32>) -> tensor<1x4x2x2xf32>
  %f = qcc.flatten %q {axis = 1 : i64} : (tensor<1x4x2x2xf32>) -> tensor<1x16xf32>
  %w3 = qcc.constant dense<[[-0.698, 0.867, -0.990, 0.506, 0.621, -0.726, -0.162, 0.631, -0.971, 0.257, 0.586, 0.026, 0.452, -0.547, -0.603, -0.274],
 [-0.641, -0.308, 0.896, 0.147, -0.320, -0.457, 0.904, -0.111, 0.961, 0.031, 0.042, 0.793, 0.486, 0.161, -0.147, 0.756],
 [-0.177, 0.846, -0.863, -0.140, 0.039, 0.902, -0.498, 0.612, 0.353, 0.434, 0.259, 0.943, -0.335, -0.203, -0.594, -0.899]]> : tensor<3x16xf32>
  %b3 = qcc.constant dense<[-0.172, 0.249, 0.204]> : tensor<3xf32>
  %y = qcc.fully_connected %f, %w3, %b3 : (tensor<1x16xf32>, tensor<3x16xf32>, tensor<3xf32>) -> tensor<1x3xf32>
  return %y : tensor<1x3xf32>
}
