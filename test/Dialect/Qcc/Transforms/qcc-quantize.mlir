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

// An op without an integer form stays float, with a warning.
func.func @stays_float(%x: tensor<1x4xf32> {qcc.range = #qcc.range<-2.0, 2.0>}) -> tensor<1x4xf32> {
  %w = qcc.constant dense<0.5> : tensor<4x4xf32>
  %y = qcc.fully_connected %x, %w {qcc.range = #qcc.range<-4.0, 4.0>} : (tensor<1x4xf32>, tensor<4x4xf32>) -> tensor<1x4xf32>
  // expected-warning @+1 {{stays float: qcc-quantize has no integer form for qcc.softmax yet}}
  %s = qcc.softmax %y {axis = 1 : i64, qcc.range = #qcc.range<0.0, 1.0>} : (tensor<1x4xf32>) -> tensor<1x4xf32>
  return %s : tensor<1x4xf32>
}

// -----

// Ranges are required (here, of the argument).
// expected-error @+1 {{qcc-quantize needs a qcc.range on this tensor; run qcc-propagate-ranges first}}
func.func @no_range(%x: tensor<1x4xf32>) -> tensor<1x4xf32> {
  %w = qcc.constant dense<0.5> : tensor<4x4xf32>
  %y = qcc.fully_connected %x, %w : (tensor<1x4xf32>, tensor<4x4xf32>) -> tensor<1x4xf32>
  return %y : tensor<1x4xf32>
}
