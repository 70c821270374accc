// RUN: qcc-opt %s --qcc-quantize --split-input-file --verify-diagnostics | FileCheck %s

// Input range [-1, 1.55]: scale 2.55 / 255 = 0.01, zero point
// round(-128 + 1 / 0.01) = -28. Output range [0, 2.55] (fused relu): scale
// 0.01, zero point -128. Weight rows max |w| = 1.27 and 0.5: per-channel
// scales 0.01 and 0.5 / 127, values w / scale; bias of scale 0.01 * s_w;
// the accumulator per channel at 1e-4 and 0.01 * 0.5 / 127.
// CHECK-LABEL: func.func @fully_connected
// CHECK:         %[[X:.*]] = qcc.quantize %arg0 {{.*}} -> tensor<1x2x!quant.uniform<i8:f32, 0.0099999{{[0-9]*}}:-28>>
// CHECK-DAG:     %[[W:.*]] = qcc.constant dense<{{\[}}[127, -64], [127, -127]]> : tensor<2x2xi8> -> tensor<2x2x!quant.uniform<i8<-127:127>:f32:0, {0.0099999{{[0-9]*}},0.0039370078{{[0-9]*}}}>>
// CHECK-DAG:     %[[B:.*]] = qcc.constant dense<[1000, -254]> : tensor<2xi32>
// CHECK:         %[[ACC:.*]] = qcc.fully_connected %[[X]], %[[W]], %[[B]] : {{.*}} -> tensor<1x2xi32>
// CHECK:         %[[T:.*]] = qcc.storage_cast %[[ACC]] : (tensor<1x2xi32>) -> tensor<1x2x!quant.uniform<i32:f32:1, {9.99999{{[0-9]*}}E-5,3.93700{{[0-9]*}}E-5}>>
// CHECK:         %[[Y:.*]] = qcc.requantize %[[T]] : {{.*}} -> tensor<1x2x!quant.uniform<i8:f32, 0.0099999{{[0-9]*}}:-128>>
// CHECK:         %[[F:.*]] = qcc.dequantize %[[Y]]
// CHECK:         return %[[F]]
func.func @fully_connected(%x: tensor<1x2xf32> {qcc.range = #qcc.range<-1.0, 1.55>}) -> tensor<1x2xf32> {
  %w = qcc.constant dense<[[1.27, -0.64], [0.5, -0.5]]> : tensor<2x2xf32>
  %b = qcc.constant dense<[0.1, -0.01]> : tensor<2xf32>
  %y = qcc.fully_connected %x, %w, %b {fused_activation = #qcc.activation<relu>, qcc.range = #qcc.range<0.0, 2.55>} : (tensor<1x2xf32>, tensor<2x2xf32>, tensor<2xf32>) -> tensor<1x2xf32>
  return %y : tensor<1x2xf32>
}

// -----

// qcc.weight_bits = 4 on a layer: int4 weights in [-7, 7] (max |w| = 1.4:
// scale 0.2) while the rest of the model keeps int8.
// CHECK-LABEL: func.func @weight_bits
// CHECK:         qcc.constant dense<{{\[}}[7, -2]]> : tensor<1x2xi4> -> tensor<1x2x!quant.uniform<i4<-7:7>:f32:0, {0.19999999{{[0-9]*}}}>>
// CHECK:         qcc.constant dense<127> : tensor<1x1xi8>
func.func @weight_bits(%x: tensor<1x2xf32> {qcc.range = #qcc.range<-1.0, 1.55>}) -> tensor<1x1xf32> {
  %w = qcc.constant dense<[[1.4, -0.4]]> : tensor<1x2xf32>
  %y = qcc.fully_connected %x, %w {qcc.weight_bits = 4 : i64, qcc.range = #qcc.range<-2.0, 2.0>} : (tensor<1x2xf32>, tensor<1x2xf32>) -> tensor<1x1xf32>
  %w2 = qcc.constant dense<[[0.5]]> : tensor<1x1xf32>
  %z = qcc.fully_connected %y, %w2 {qcc.range = #qcc.range<-1.0, 1.0>} : (tensor<1x1xf32>, tensor<1x1xf32>) -> tensor<1x1xf32>
  return %z : tensor<1x1xf32>
}

// -----

// qcc.bit_width = 16 on a layer: its result is int16 (range [-2, 2] over
// 65535 steps) inside an int8 model; the next layer reads it as it is.
// CHECK-LABEL: func.func @activation_bits
// CHECK:         %[[Y:.*]] = qcc.requantize %{{.*}} -> tensor<1x1x!quant.uniform<i16:f32, 6.10360{{[0-9]*}}E-5:-1>>
// CHECK:         qcc.fully_connected %[[Y]], %{{.*}} : (tensor<1x1x!quant.uniform<i16:f32, {{.*}}>>, tensor<1x1x!quant.uniform<i8<-127:127>
// CHECK:         qcc.requantize %{{.*}} -> tensor<1x1x!quant.uniform<i8:f32,
func.func @activation_bits(%x: tensor<1x2xf32> {qcc.range = #qcc.range<-1.0, 1.55>}) -> tensor<1x1xf32> {
  %w = qcc.constant dense<[[1.4, -0.4]]> : tensor<1x2xf32>
  %y = qcc.fully_connected %x, %w {qcc.bit_width = 16 : i64, qcc.range = #qcc.range<-2.0, 2.0>} : (tensor<1x2xf32>, tensor<1x2xf32>) -> tensor<1x1xf32>
  %w2 = qcc.constant dense<[[0.5]]> : tensor<1x1xf32>
  %z = qcc.fully_connected %y, %w2 {qcc.range = #qcc.range<-1.0, 1.0>} : (tensor<1x1xf32>, tensor<1x1xf32>) -> tensor<1x1xf32>
  return %z : tensor<1x1xf32>
}

// -----

// int4 activations are not supported.
func.func @activation_bits_4(%x: tensor<1x2xf32> {qcc.range = #qcc.range<-1.0, 1.55>}) -> tensor<1x1xf32> {
  %w = qcc.constant dense<[[1.4, -0.4]]> : tensor<1x2xf32>
  // expected-error @+1 {{qcc-quantize supports 8- and 16-bit activations, not 4}}
  %y = qcc.fully_connected %x, %w {qcc.bit_width = 4 : i64, qcc.range = #qcc.range<-2.0, 2.0>} : (tensor<1x2xf32>, tensor<1x2xf32>) -> tensor<1x1xf32>
  return %y : tensor<1x1xf32>
}

// -----

// Data movement keeps the parameters of its input; int4 weights with w4a8
// are checked in the digits test.
// CHECK-LABEL: func.func @keeps_parameters
// CHECK:         qcc.max_pool2d %{{.*}} : (tensor<1x1x4x4x!quant.uniform<i8:f32, [[P:.*]]>>) -> tensor<1x1x2x2x!quant.uniform<i8:f32, [[P]]>>
// CHECK:         qcc.reshape %{{.*}} : (tensor<1x1x2x2x!quant.uniform<i8:f32, [[P]]>>) -> tensor<1x4x!quant.uniform<i8:f32, [[P]]>>
// CHECK:         qcc.relu %{{.*}} : (tensor<1x4x!quant.uniform<i8:f32, [[P]]>>) -> tensor<1x4x!quant.uniform<i8:f32, [[P]]>>
func.func @keeps_parameters(%x: tensor<1x1x4x4xf32> {qcc.range = #qcc.range<-2.0, 2.0>}) -> tensor<1x4xf32> {
  %w = qcc.constant dense<0.5> : tensor<1x1x1x1xf32>
  %c = qcc.conv2d %x, %w {qcc.range = #qcc.range<-1.0, 1.0>} : (tensor<1x1x4x4xf32>, tensor<1x1x1x1xf32>) -> tensor<1x1x4x4xf32>
  %p = qcc.max_pool2d %c {kernel = array<i64: 2, 2>, strides = array<i64: 2, 2>, qcc.range = #qcc.range<-1.0, 1.0>} : (tensor<1x1x4x4xf32>) -> tensor<1x1x2x2xf32>
  %r = qcc.reshape %p {qcc.range = #qcc.range<-1.0, 1.0>} : (tensor<1x1x2x2xf32>) -> tensor<1x4xf32>
  %a = qcc.relu %r {qcc.range = #qcc.range<0.0, 1.0>} : (tensor<1x4xf32>) -> tensor<1x4xf32>
  return %a : tensor<1x4xf32>
}

// -----

// An op without an integer form stays float, with a warning; softmax has
// one (its result covers [0, 1) with scale 1/256, zero point -128).
// CHECK-LABEL: func.func @stays_float
// CHECK:         qcc.softmax %{{.*}} : (tensor<1x4x!quant.uniform<i8:f32, {{.*}}>>) -> tensor<1x4x!quant.uniform<i8:f32, 3.906250e-03:-128>>
// CHECK:         qcc.div %{{.*}}, %{{.*}} : (tensor<1x4xf32>, tensor<1x4xf32>) -> tensor<1x4xf32>
func.func @stays_float(%x: tensor<1x4xf32> {qcc.range = #qcc.range<-2.0, 2.0>}) -> tensor<1x4xf32> {
  %w = qcc.constant dense<0.5> : tensor<4x4xf32>
  %y = qcc.fully_connected %x, %w {qcc.range = #qcc.range<-4.0, 4.0>} : (tensor<1x4xf32>, tensor<4x4xf32>) -> tensor<1x4xf32>
  %s = qcc.softmax %y {axis = 1 : i64, qcc.range = #qcc.range<0.0, 1.0>} : (tensor<1x4xf32>) -> tensor<1x4xf32>
  // expected-warning @+1 {{stays float: qcc-quantize divides only by positive scalar constants}}
  %d = qcc.div %s, %y {qcc.range = #qcc.range<-10.0, 10.0>} : (tensor<1x4xf32>, tensor<1x4xf32>) -> tensor<1x4xf32>
  return %d : tensor<1x4xf32>
}

// -----

// Ranges are required (here, of the argument).
// expected-error @+1 {{qcc-quantize needs a qcc.range on this tensor; run qcc-propagate-ranges first}}
func.func @no_range(%x: tensor<1x4xf32>) -> tensor<1x4xf32> {
  %w = qcc.constant dense<0.5> : tensor<4x4xf32>
  %y = qcc.fully_connected %x, %w : (tensor<1x4xf32>, tensor<4x4xf32>) -> tensor<1x4xf32>
  return %y : tensor<1x4xf32>
}

// -----

// Nonlinear activations become lookup tables: 256 int8 outputs, one per
// int8 input. Sigmoid over [-8, 7.9375] (scale 1/16, zero point 0) into
// [0, 1] (scale 1/255, zero point -128): the first entries, for inputs near
// -8 (sigmoid 0.0003), are -128 (0x80); the last, for 7.94, 127 (0x7F).
// CHECK-LABEL: func.func @table
// CHECK:         %[[T:.*]] = qcc.constant dense<"0x808080{{[0-9A-F]*}}7F7F7F"> : tensor<256xi8>
// CHECK:         qcc.table %{{.*}}, %[[T]] : (tensor<4x!quant.uniform<i8:f32, 6.250000e-02>>, tensor<256xi8>) -> tensor<4x!quant.uniform<i8:f32, 0.0039215686{{[0-9]*}}:-128>>
func.func @table(%x: tensor<4xf32> {qcc.range = #qcc.range<-8.0, 7.9375>}) -> tensor<4xf32> {
  %y = qcc.sigmoid %x {qcc.range = #qcc.range<0.0, 1.0>} : (tensor<4xf32>) -> tensor<4xf32>
  return %y : tensor<4xf32>
}

// -----

// Arithmetic on activations stays integer: add of two activations, add of a
// constant (quantized itself), mul of two activations, and a division by a
// positive scalar as a rescale (storage casts around a requantize).
// CHECK-LABEL: func.func @arithmetic
// CHECK:         %[[THREE:.*]] = qcc.constant dense<127> : tensor<4xi8> -> tensor<4x!quant.uniform<i8:f32, 0.011764{{[0-9]*}}:-128>>
// CHECK:         qcc.add %{{.*}}, %{{.*}} : (tensor<4x!quant.uniform<i8:f32, {{.*}}>>, tensor<4x!quant.uniform<i8:f32, {{.*}}>>) -> tensor<4x!quant.uniform<i8:f32, {{.*}}>>
// CHECK:         qcc.add %{{.*}}, %[[THREE]]
// CHECK:         qcc.mul %{{.*}}, %{{.*}} : (tensor<4x!quant.uniform<i8
// CHECK:         %[[RAW:.*]] = qcc.storage_cast %{{.*}} : (tensor<4x!quant.uniform<i8:f32, [[S:.*]]:[[Z:.*]]>>) -> tensor<4xi8>
// CHECK:         %[[RESCALED:.*]] = qcc.storage_cast %[[RAW]] : (tensor<4xi8>) -> tensor<4x!quant.uniform<i8:f32, {{.*}}:[[Z]]>>
// CHECK:         qcc.requantize %[[RESCALED]]
// CHECK-NOT:     qcc.div
func.func @arithmetic(%x: tensor<4xf32> {qcc.range = #qcc.range<-1.0, 1.0>}, %y: tensor<4xf32> {qcc.range = #qcc.range<-2.0, 2.0>}) -> tensor<4xf32> {
  %three = qcc.constant dense<3.0> : tensor<4xf32>
  %six = qcc.constant dense<6.0> : tensor<f32>
  %0 = qcc.add %x, %y {qcc.range = #qcc.range<-3.0, 3.0>} : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  %1 = qcc.add %0, %three {qcc.range = #qcc.range<0.0, 6.0>} : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  %2 = qcc.mul %1, %x {qcc.range = #qcc.range<-6.0, 6.0>} : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  %3 = qcc.div %2, %six {qcc.range = #qcc.range<-1.0, 1.0>} : (tensor<4xf32>, tensor<f32>) -> tensor<4xf32>
  return %3 : tensor<4xf32>
}

// -----

// Global average pooling keeps integers; concat requantizes its inputs to
// the result's parameters.
// CHECK-LABEL: func.func @pool_and_concat
// CHECK:         qcc.global_avg_pool %{{.*}} : (tensor<1x2x2x2x!quant.uniform<i8:f32, {{.*}}>>) -> tensor<1x2x1x1x!quant.uniform<i8:f32, {{.*}}>>
// CHECK:         qcc.requantize
// CHECK:         qcc.concat {{.*}} -> tensor<1x4x1x1x!quant.uniform<i8:f32, [[C:.*]]>>
func.func @pool_and_concat(%x: tensor<1x2x2x2xf32> {qcc.range = #qcc.range<-1.0, 1.0>}) -> tensor<1x4x1x1xf32> {
  %p = qcc.global_avg_pool %x {qcc.range = #qcc.range<-0.5, 0.5>} : (tensor<1x2x2x2xf32>) -> tensor<1x2x1x1xf32>
  %m = qcc.max_pool2d %x {kernel = array<i64: 2, 2>, qcc.range = #qcc.range<-1.0, 1.0>} : (tensor<1x2x2x2xf32>) -> tensor<1x2x1x1xf32>
  %c = qcc.concat %p, %m {axis = 1 : i64, qcc.range = #qcc.range<-1.0, 1.0>} : (tensor<1x2x1x1xf32>, tensor<1x2x1x1xf32>) -> tensor<1x4x1x1xf32>
  return %c : tensor<1x4x1x1xf32>
}

// -----

// A transposed convolution is an integer contraction too (weights per
// output channel along axis 1); a nearest resize keeps its parameters.
// CHECK-LABEL: func.func @upsampling
// CHECK:         %[[ACC:.*]] = qcc.conv_transpose2d {{.*}} -> tensor<1x2x4x4xi32>
// CHECK:         qcc.storage_cast %[[ACC]] : (tensor<1x2x4x4xi32>) -> tensor<1x2x4x4x!quant.uniform<i32:f32:1,
// CHECK:         %[[Y:.*]] = qcc.requantize
// CHECK:         qcc.resize %[[Y]] {{.*}} : (tensor<1x2x4x4x!quant.uniform<i8:f32, [[P:.*]]>>) -> tensor<1x2x8x8x!quant.uniform<i8:f32, [[P]]>>
func.func @upsampling(%x: tensor<1x1x2x2xf32> {qcc.range = #qcc.range<-1.0, 1.0>}) -> tensor<1x2x8x8xf32> {
  %w = qcc.constant dense<[[[[1.0, -1.0], [0.5, 0.25]], [[2.0, 0.0], [0.0, -2.0]]]]> : tensor<1x2x2x2xf32>
  %t = qcc.conv_transpose2d %x, %w {strides = array<i64: 2, 2>, qcc.range = #qcc.range<-2.0, 2.0>} : (tensor<1x1x2x2xf32>, tensor<1x2x2x2xf32>) -> tensor<1x2x4x4xf32>
  %r = qcc.resize %t {mode = #qcc.resize_mode<nearest>, coordinate_transform = #qcc.coordinate_transform<asymmetric>, nearest_mode = #qcc.nearest_mode<floor>, qcc.range = #qcc.range<-2.0, 2.0>} : (tensor<1x2x4x4xf32>) -> tensor<1x2x8x8xf32>
  return %r : tensor<1x2x8x8xf32>
}

// -----

// The overflow proof: 300 int16 inputs (|x - zp| <= 65535) times weights of
// 127 can reach 65535 * 300 * 127 = 2496883500 > 2^31 - 1 in the int32
// accumulator; the pass says so. The first layer's (2 inputs) is proven.
func.func @accumulator_overflow(%x: tensor<1x2xf32> {qcc.range = #qcc.range<-1.0, 1.0>}) -> tensor<1x1xf32> {
  %w = qcc.constant dense<0.25> : tensor<300x2xf32>
  %y = qcc.fully_connected %x, %w {qcc.bit_width = 16 : i64, qcc.range = #qcc.range<0.0, 1.0>} : (tensor<1x2xf32>, tensor<300x2xf32>) -> tensor<1x300xf32>
  %w2 = qcc.constant dense<1.0> : tensor<1x300xf32>
  // expected-warning @+1 {{the int32 accumulator of this layer can reach 2496883500 for some inputs of its storage range and wrap (1 layer(s) in all; the report's accumulator_bits gives each)}}
  %z = qcc.fully_connected %y, %w2 {qcc.range = #qcc.range<0.0, 300.0>} : (tensor<1x300xf32>, tensor<1x300xf32>) -> tensor<1x1xf32>
  return %z : tensor<1x1xf32>
}

// -----

// A dead filter: weights of 1e-6 with a bias of 10 would need an int32 bias
// of 10 / (0.01 * 1e-6 / 127), far beyond int32. The weight scale grows to
// 10 / (0.01 * 2^30) so that the bias is 2^30, and the weights round to 1.
// CHECK-LABEL: func.func @dead_filter
// CHECK:         qcc.constant dense<1> : tensor<1x2xi8> -> tensor<1x2x!quant.uniform<i8<-127:127>:f32:0, {9.31322{{[0-9]*}}E-7}>>
// CHECK:         qcc.constant dense<1073741824> : tensor<1xi32>
func.func @dead_filter(%x: tensor<1x2xf32> {qcc.range = #qcc.range<-1.0, 1.55>}) -> tensor<1x1xf32> {
  %w = qcc.constant dense<1.0e-6> : tensor<1x2xf32>
  %b = qcc.constant dense<10.0> : tensor<1xf32>
  %y = qcc.fully_connected %x, %w, %b {qcc.range = #qcc.range<0.0, 11.0>} : (tensor<1x2xf32>, tensor<1x2xf32>, tensor<1xf32>) -> tensor<1x1xf32>
  return %y : tensor<1x1xf32>
}

// -----

// Layer norm runs in fixed point: the result is quantized from its range,
// scale and bias stay float constants. One whose statistics are used stays
// float.
// CHECK-LABEL: func.func @layer_norm
// CHECK:         qcc.layer_norm %{{.*}}, %{{.*}}, %{{.*}} {axis = 1 : i64} : (tensor<2x16x!quant.uniform<i8:f32, {{.*}}>>, tensor<16xf32>, tensor<16xf32>) -> tensor<2x16x!quant.uniform<i8:f32, 0.0235294{{[0-9]*}}:21>>
func.func @layer_norm(%x: tensor<2x16xf32> {qcc.range = #qcc.range<-1.0, 1.0>}) -> tensor<2x16xf32> {
  %g = qcc.constant dense<1.0> : tensor<16xf32>
  %b = qcc.constant dense<0.5> : tensor<16xf32>
  %y = qcc.layer_norm %x, %g, %b {axis = 1 : i64, qcc.range = #qcc.range<-3.5, 2.5>} : (tensor<2x16xf32>, tensor<16xf32>, tensor<16xf32>) -> tensor<2x16xf32>
  return %y : tensor<2x16xf32>
}

// -----

func.func @layer_norm_statistics(%x: tensor<2x16xf32> {qcc.range = #qcc.range<-1.0, 1.0>}) -> (tensor<2x16xf32>, tensor<2x1xf32>) {
  %g = qcc.constant dense<1.0> : tensor<16xf32>
  %w = qcc.constant dense<0.5> : tensor<16x16xf32>
  %h = qcc.fully_connected %x, %w {qcc.range = #qcc.range<-8.0, 8.0>} : (tensor<2x16xf32>, tensor<16x16xf32>) -> tensor<2x16xf32>
  // expected-warning @+1 {{stays float: its mean and inv_std_dev are used}}
  %y, %mean = qcc.layer_norm %h, %g {axis = 1 : i64, qcc.range = #qcc.range<-3.5, 2.5>} : (tensor<2x16xf32>, tensor<16xf32>) -> (tensor<2x16xf32>, tensor<2x1xf32>)
  return %y, %mean : tensor<2x16xf32>, tensor<2x1xf32>
}
