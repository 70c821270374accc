// An inverted-residual block (MobileNetV2 style) and a classifier head in
// the qcc dialect, with small fixed weights: a float model as qcc's importers
// produce it. Try:
//
//   qcc examples/mobile_block.mlir -emit=mlir
//   qcc-opt examples/mobile_block.mlir --qcc-import-cleanup
//
func.func @main(%input: tensor<1x4x8x8xf32> {qcc.range = #qcc.range<0.0, 1.0>}) -> tensor<1x10xf32> {
  // Expand: 1x1 convolution 4 -> 8 channels with a fused relu6.
  %w1 = qcc.constant dense<[[[[0.001]], [[0.149]], [[-0.137]], [[-0.445]]], [[[-0.227]], [[-0.496]], [[0.030]], [[0.670]]], [[[-0.246]], [[-0.310]], [[0.245]], [[0.178]]], [[[0.053]], [[-0.465]], [[-0.015]], [[0.348]]], [[[-0.672]], [[-0.229]], [[-0.951]], [[-0.645]]], [[[-0.921]], [[-0.118]], [[-0.634]], [[0.136]]], [[[0.078]], [[-0.093]], [[-1.258]], [[-0.269]]], [[[-0.024]], [[0.057]], [[-0.765]], [[-0.239]]]]> : tensor<8x4x1x1xf32>
  %b1 = qcc.constant dense<[-0.098, -0.081, 0.106, -0.081, -0.003, 0.088, -0.058, -0.011]> : tensor<8xf32>
  %expand = qcc.conv2d %input, %w1, %b1 {fused_activation = #qcc.activation<clip, min = 0.0, max = 6.0>}
      : (tensor<1x4x8x8xf32>, tensor<8x4x1x1xf32>, tensor<8xf32>) -> tensor<1x8x8x8xf32>

  // Depthwise 3x3 convolution (groups = channels), padded to keep 8x8.
  %w2 = qcc.constant dense<[[[[0.033, 0.019, -0.368], [0.023, 0.408, -0.464], [0.258, 0.036, -0.192]]], [[[0.600, 0.229, -0.360], [0.022, 0.173, -0.057], [0.205, -0.020, 0.200]]], [[[0.432, -0.203, 0.061], [-0.139, 0.038, -0.356], [-0.174, -0.059, 0.270]]], [[[0.344, -0.397, -0.238], [0.194, -0.598, -0.139], [-0.029, 0.377, 0.207]]], [[[-0.098, -0.111, -0.075], [0.457, -0.128, -0.091], [0.106, -0.036, -0.059]]], [[[-0.334, -0.003, -0.133], [0.350, 0.196, -0.007], [0.201, -0.102, 0.316]]], [[[-0.002, 0.175, -0.387], [0.104, -0.506, -0.611], [-0.091, -0.270, 0.049]]], [[[0.673, -0.250, -0.187], [0.062, 0.148, -0.053], [-0.062, 0.211, 0.156]]]]> : tensor<8x1x3x3xf32>
  %b2 = qcc.constant dense<[-0.103, -0.008, 0.004, -0.105, 0.026, -0.086, 0.097, 0.019]> : tensor<8xf32>
  %depthwise = qcc.conv2d %expand, %w2, %b2 {groups = 8 : i64, pads = array<i64: 1, 1, 1, 1>}
      : (tensor<1x8x8x8xf32>, tensor<8x1x3x3xf32>, tensor<8xf32>) -> tensor<1x8x8x8xf32>
  %act = qcc.clip %depthwise {min = 0.0 : f64, max = 6.0 : f64}
      : (tensor<1x8x8x8xf32>) -> tensor<1x8x8x8xf32>

  // Project: 1x1 convolution 8 -> 4 channels, then the residual connection.
  %w3 = qcc.constant dense<[[[[0.036]], [[-0.236]], [[-0.047]], [[-0.799]], [[-0.453]], [[0.145]], [[-0.851]], [[0.339]]], [[[-0.698]], [[0.303]], [[-0.338]], [[0.312]], [[0.052]], [[-0.615]], [[0.500]], [[0.577]]], [[[-0.026]], [[-0.110]], [[-0.064]], [[-0.390]], [[0.439]], [[-0.217]], [[-0.020]], [[-0.317]]], [[[-0.250]], [[-0.511]], [[0.503]], [[-0.062]], [[0.386]], [[0.005]], [[-0.278]], [[-0.131]]]]> : tensor<4x8x1x1xf32>
  %b3 = qcc.constant dense<[-0.056, 0.001, -0.038, -0.030]> : tensor<4xf32>
  %project = qcc.conv2d %act, %w3, %b3
      : (tensor<1x8x8x8xf32>, tensor<4x8x1x1xf32>, tensor<4xf32>) -> tensor<1x4x8x8xf32>
  %residual = qcc.add %project, %input
      : (tensor<1x4x8x8xf32>, tensor<1x4x8x8xf32>) -> tensor<1x4x8x8xf32>

  // Head: global average pool, flatten, fully connected to 10 classes.
  %pooled = qcc.global_avg_pool %residual : (tensor<1x4x8x8xf32>) -> tensor<1x4x1x1xf32>
  %flat = qcc.flatten %pooled {axis = 1 : i64} : (tensor<1x4x1x1xf32>) -> tensor<1x4xf32>
  %wf = qcc.constant dense<[[-0.689, -0.403, 0.827, -0.336], [-0.527, 0.169, 0.704, -0.727], [-0.104, -0.316, -0.881, 0.367], [-0.012, 0.036, -0.376, 0.227], [-0.270, -0.071, -0.554, -0.608], [0.668, -0.254, 0.146, -0.017], [-0.221, -0.254, 0.315, -0.151], [-0.076, 0.011, 0.588, 0.340], [0.191, -0.282, -0.691, 0.475], [0.483, -0.070, 0.271, 0.391]]> : tensor<10x4xf32>
  %bf = qcc.constant dense<[0.083, 0.092, -0.046, 0.151, -0.125, 0.086, 0.049, 0.087, 0.188, 0.148]> : tensor<10xf32>
  %logits = qcc.fully_connected %flat, %wf, %bf
      : (tensor<1x4xf32>, tensor<10x4xf32>, tensor<10xf32>) -> tensor<1x10xf32>
  return %logits : tensor<1x10xf32>
}
