// RUN: qcc-opt %s | qcc-opt | FileCheck %s
// RUN: qcc-opt %s --mlir-print-op-generic | qcc-opt | FileCheck %s
// RUN: qcc-opt %s --mlir-print-op-generic | FileCheck %s --check-prefix=GENERIC

// Round trip of every qcc op in its interesting forms. The custom printer
// elides attributes that have their default value; the GENERIC checks show
// the defaults the parser fills in.
//
// Floats print in scientific notation (0.1 -> 1.000000e-01); f32 values that
// are not exact print with more digits (1.0e-05 -> 9.99999974E-6).

!qi8 = !quant.uniform<i8:f32, 0.1:-3>
!qi8b = !quant.uniform<i8:f32, 0.05>
!qu8 = !quant.uniform<u8:f32, 0.02:128>
!qi16 = !quant.uniform<i16:f32, 0.001>
!qi4 = !quant.uniform<i4:f32, 0.5>
!qi32 = !quant.uniform<i32:f32, 0.005>
!qaxis0 = !quant.uniform<i8:f32:0, {0.1, 0.2}>
!qaxis1 = !quant.uniform<i8:f32:1, {0.1, 0.2}>

//===----------------------------------------------------------------------===//
// qcc.constant
//===----------------------------------------------------------------------===//

// CHECK-LABEL: func.func @constant_float(
// CHECK: qcc.constant dense<{{\[}}[1.000000e+00, 2.000000e+00], [3.000000e+00, 4.000000e+00]]> : tensor<2x2xf32>{{$}}
func.func @constant_float() -> tensor<2x2xf32> {
  %0 = qcc.constant dense<[[1.0, 2.0], [3.0, 4.0]]> : tensor<2x2xf32>
  return %0 : tensor<2x2xf32>
}

// Discardable attributes go before the value.
// CHECK-LABEL: func.func @constant_splat_int(
// CHECK: qcc.constant {qcc.range = #qcc.range<7.000000e+00, 7.000000e+00>} dense<7> : tensor<4xi32>{{$}}
func.func @constant_splat_int() -> tensor<4xi32> {
  %0 = qcc.constant {qcc.range = #qcc.range<7.0, 7.0>} dense<7> : tensor<4xi32>
  return %0 : tensor<4xi32>
}

// A quantized constant holds the stored integers; the result type follows `->`.
// CHECK-LABEL: func.func @constant_quantized(
// CHECK: qcc.constant dense<[3, -4]> : tensor<2xi8> -> tensor<2x!quant.uniform<i8:f32, 1.000000e-01:-3>>
func.func @constant_quantized() -> tensor<2x!qi8> {
  %0 = qcc.constant dense<[3, -4]> : tensor<2xi8> -> tensor<2x!qi8>
  return %0 : tensor<2x!qi8>
}

// CHECK-LABEL: func.func @constant_per_axis(
// CHECK: qcc.constant dense<{{\[}}[1, 2, 3], [4, 5, 6]]> : tensor<2x3xi8>
// CHECK-SAME: -> tensor<2x3x!quant.uniform<i8:f32:0, {1.000000e-01,2.000000e-01}>>
func.func @constant_per_axis() -> tensor<2x3x!qaxis0> {
  %0 = qcc.constant dense<[[1, 2, 3], [4, 5, 6]]> : tensor<2x3xi8> -> tensor<2x3x!qaxis0>
  return %0 : tensor<2x3x!qaxis0>
}

// u8 (stored as ui8), i16, i4 and i32 storage.
// CHECK-LABEL: func.func @constant_storage_types(
// CHECK: qcc.constant dense<[0, 255]> : tensor<2xui8> -> tensor<2x!quant.uniform<u8:f32, 2.000000e-02:128>>
// CHECK: qcc.constant dense<[-300, 300]> : tensor<2xi16> -> tensor<2x!quant.uniform<i16:f32, 1.000000e-03>>
// CHECK: qcc.constant dense<[7, -8]> : tensor<2xi4> -> tensor<2x!quant.uniform<i4:f32, 5.000000e-01>>
// CHECK: qcc.constant dense<[100000, 0, -100000]> : tensor<3xi32> -> tensor<3x!quant.uniform<i32:f32, 5.000000e-03>>
func.func @constant_storage_types() -> (tensor<2x!qu8>, tensor<2x!qi16>, tensor<2x!qi4>, tensor<3x!qi32>) {
  %0 = qcc.constant dense<[0, 255]> : tensor<2xui8> -> tensor<2x!qu8>
  %1 = qcc.constant dense<[-300, 300]> : tensor<2xi16> -> tensor<2x!qi16>
  %2 = qcc.constant dense<[7, -8]> : tensor<2xi4> -> tensor<2x!qi4>
  %3 = qcc.constant dense<[100000, 0, -100000]> : tensor<3xi32> -> tensor<3x!qi32>
  return %0, %1, %2, %3 : tensor<2x!qu8>, tensor<2x!qi16>, tensor<2x!qi4>, tensor<3x!qi32>
}

//===----------------------------------------------------------------------===//
// Discardable qcc.* attributes, #qcc.range and #qcc.activation
//===----------------------------------------------------------------------===//

// qcc.name names a tensor on an op, a function argument or a function result;
// qcc.range may annotate results too. qcc.bit_width may have any signless
// integer type.
// CHECK-LABEL: func.func @discardable_attributes(
// CHECK-SAME: %arg0: tensor<4xf32> {qcc.name = "input", qcc.range = #qcc.range<0.000000e+00, 6.000000e+00>})
// CHECK-SAME: -> (tensor<4xf32> {qcc.name = "output", qcc.range = #qcc.range<0.000000e+00, 6.000000e+00>}, tensor<4xf32>)
// CHECK: qcc.relu %arg0 {qcc.bit_width = 8 : i64, qcc.name = "relu1", qcc.range = #qcc.range<0.000000e+00, 6.000000e+00>} : (tensor<4xf32>) -> tensor<4xf32>
// CHECK: qcc.relu %arg0 {qcc.bit_width = 4 : i8, qcc.name = ""} : (tensor<4xf32>) -> tensor<4xf32>
func.func @discardable_attributes(%x: tensor<4xf32> {qcc.name = "input", qcc.range = #qcc.range<0.0, 6.0>}) -> (tensor<4xf32> {qcc.name = "output", qcc.range = #qcc.range<0.0, 6.0>}, tensor<4xf32>) {
  %0 = qcc.relu %x {qcc.name = "relu1", qcc.range = #qcc.range<0.0, 6.0>, qcc.bit_width = 8 : i64} : (tensor<4xf32>) -> tensor<4xf32>
  %1 = qcc.relu %x {qcc.name = "", qcc.bit_width = 4 : i8} : (tensor<4xf32>) -> tensor<4xf32>
  return %0, %1 : tensor<4xf32>, tensor<4xf32>
}

// Bounds and parameters may be written as integer literals.
// CHECK-LABEL: func.func @float_literals(
// CHECK: qcc.relu %arg0 {qcc.range = #qcc.range<0.000000e+00, 6.000000e+00>} : (tensor<4xf32>) -> tensor<4xf32>
// CHECK: qcc.relu %arg0 {qcc.range = #qcc.range<2.000000e+00, 2.500000e+00>} : (tensor<4xf32>) -> tensor<4xf32>
// CHECK: qcc.add %arg0, %arg0 {fused_activation = #qcc.activation<clip, min = 0.000000e+00, max = 6.000000e+00>} : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
// CHECK: qcc.add %arg0, %arg0 {fused_activation = #qcc.activation<leaky_relu, alpha = 1.000000e+00>} : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
func.func @float_literals(%x: tensor<4xf32>) -> (tensor<4xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4xf32>) {
  %0 = qcc.relu %x {qcc.range = #qcc.range<0.0, 6.0>} : (tensor<4xf32>) -> tensor<4xf32>
  %1 = qcc.relu %x {qcc.range = #qcc.range<2.0, 2.5>} : (tensor<4xf32>) -> tensor<4xf32>
  %2 = qcc.add %x, %x {fused_activation = #qcc.activation<clip, min = 0.0, max = 6.0>} : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  %3 = qcc.add %x, %x {fused_activation = #qcc.activation<leaky_relu, alpha = 1.0>} : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  return %0, %1, %2, %3 : tensor<4xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4xf32>
}

//===----------------------------------------------------------------------===//
// qcc.conv2d
//===----------------------------------------------------------------------===//

// Strided and padded, with bias, a fused activation and the quantization
// attributes; `qcc.range` also on a function argument.
// CHECK-LABEL: func.func @conv2d_float(
// CHECK-SAME: %arg0: tensor<1x3x32x32xf32> {qcc.range = #qcc.range<0.000000e+00, 1.000000e+00>}
// CHECK: qcc.conv2d %arg0, %arg1, %arg2
// CHECK-SAME: {fused_activation = #qcc.activation<relu>, pads = array<i64: 1, 1, 1, 1>, qcc.bit_width = 8 : i64, qcc.range = #qcc.range<0.000000e+00, 6.500000e+00>, strides = array<i64: 2, 2>}
// CHECK-SAME: : (tensor<1x3x32x32xf32>, tensor<16x3x3x3xf32>, tensor<16xf32>) -> tensor<1x16x16x16xf32>
func.func @conv2d_float(%x: tensor<1x3x32x32xf32> {qcc.range = #qcc.range<0.0, 1.0>}, %w: tensor<16x3x3x3xf32>, %b: tensor<16xf32>) -> tensor<1x16x16x16xf32> {
  %0 = qcc.conv2d %x, %w, %b {strides = array<i64: 2, 2>, pads = array<i64: 1, 1, 1, 1>, fused_activation = #qcc.activation<relu>, qcc.range = #qcc.range<0.0, 6.5>, qcc.bit_width = 8 : i64} : (tensor<1x3x32x32xf32>, tensor<16x3x3x3xf32>, tensor<16xf32>) -> tensor<1x16x16x16xf32>
  return %0 : tensor<1x16x16x16xf32>
}

// No bias; attributes spelled out with their default values are elided.
// CHECK-LABEL: func.func @conv2d_defaults(
// CHECK: qcc.conv2d %arg0, %arg1 : (tensor<1x3x8x8xf32>, tensor<4x3x3x3xf32>) -> tensor<1x4x6x6xf32>
// GENERIC-LABEL: sym_name = "conv2d_defaults"
// GENERIC: "qcc.conv2d"(%{{.*}}, %{{.*}}) <{dilations = array<i64: 1, 1>, groups = 1 : i64, pads = array<i64: 0, 0, 0, 0>, strides = array<i64: 1, 1>}>
func.func @conv2d_defaults(%x: tensor<1x3x8x8xf32>, %w: tensor<4x3x3x3xf32>) -> tensor<1x4x6x6xf32> {
  %0 = qcc.conv2d %x, %w {strides = array<i64: 1, 1>, dilations = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>, groups = 1 : i64} : (tensor<1x3x8x8xf32>, tensor<4x3x3x3xf32>) -> tensor<1x4x6x6xf32>
  return %0 : tensor<1x4x6x6xf32>
}

// Two groups; asymmetric pads [top, left, bottom, right].
// CHECK-LABEL: func.func @conv2d_grouped(
// CHECK: qcc.conv2d %arg0, %arg1 {groups = 2 : i64, pads = array<i64: 0, 1, 2, 3>}
// CHECK-SAME: : (tensor<1x4x8x8xf32>, tensor<6x2x3x3xf32>) -> tensor<1x6x8x10xf32>
func.func @conv2d_grouped(%x: tensor<1x4x8x8xf32>, %w: tensor<6x2x3x3xf32>) -> tensor<1x6x8x10xf32> {
  %0 = qcc.conv2d %x, %w {groups = 2 : i64, pads = array<i64: 0, 1, 2, 3>} : (tensor<1x4x8x8xf32>, tensor<6x2x3x3xf32>) -> tensor<1x6x8x10xf32>
  return %0 : tensor<1x6x8x10xf32>
}

// Depthwise (groups = C, channel multiplier 2), dilated, relu6 fused as clip.
// CHECK-LABEL: func.func @conv2d_depthwise_dilated(
// CHECK: qcc.conv2d %arg0, %arg1, %arg2
// CHECK-SAME: {dilations = array<i64: 2, 2>, fused_activation = #qcc.activation<clip, min = 0.000000e+00, max = 6.000000e+00>, groups = 8 : i64, pads = array<i64: 2, 2, 2, 2>}
// CHECK-SAME: : (tensor<1x8x16x16xf32>, tensor<16x1x3x3xf32>, tensor<16xf32>) -> tensor<1x16x16x16xf32>
func.func @conv2d_depthwise_dilated(%x: tensor<1x8x16x16xf32>, %w: tensor<16x1x3x3xf32>, %b: tensor<16xf32>) -> tensor<1x16x16x16xf32> {
  %0 = qcc.conv2d %x, %w, %b {groups = 8 : i64, dilations = array<i64: 2, 2>, pads = array<i64: 2, 2, 2, 2>, fused_activation = #qcc.activation<clip, min = 0.0, max = 6.0>} : (tensor<1x8x16x16xf32>, tensor<16x1x3x3xf32>, tensor<16xf32>) -> tensor<1x16x16x16xf32>
  return %0 : tensor<1x16x16x16xf32>
}

// Quantized: weight per output channel (axis 0), 32-bit quantized bias.
// CHECK-LABEL: func.func @conv2d_quantized(
// CHECK: qcc.conv2d %arg0, %arg1, %arg2 {fused_activation = #qcc.activation<leaky_relu, alpha = 1.250000e-01>}
// CHECK-SAME: : (tensor<1x2x8x8x!quant.uniform<i8:f32, 1.000000e-01:-3>>, tensor<2x2x1x1x!quant.uniform<i8:f32:0, {1.000000e-01,2.000000e-01}>>, tensor<2x!quant.uniform<i32:f32, 5.000000e-03>>)
// CHECK-SAME: -> tensor<1x2x8x8x!quant.uniform<i8:f32, 5.000000e-02>>
func.func @conv2d_quantized(%x: tensor<1x2x8x8x!qi8>, %w: tensor<2x2x1x1x!qaxis0>, %b: tensor<2x!qi32>) -> tensor<1x2x8x8x!qi8b> {
  %0 = qcc.conv2d %x, %w, %b {fused_activation = #qcc.activation<leaky_relu, alpha = 0.125>} : (tensor<1x2x8x8x!qi8>, tensor<2x2x1x1x!qaxis0>, tensor<2x!qi32>) -> tensor<1x2x8x8x!qi8b>
  return %0 : tensor<1x2x8x8x!qi8b>
}

// Quantized operands with the raw i32 accumulator as result and an i32 bias.
// CHECK-LABEL: func.func @conv2d_accumulator(
// CHECK: qcc.conv2d %arg0, %arg1, %arg2
// CHECK-SAME: : (tensor<1x2x8x8x!quant.uniform<u8:f32, 2.000000e-02:128>>, tensor<4x2x3x3x!quant.uniform<i8:f32, 1.000000e-01:-3>>, tensor<4xi32>) -> tensor<1x4x6x6xi32>
func.func @conv2d_accumulator(%x: tensor<1x2x8x8x!qu8>, %w: tensor<4x2x3x3x!qi8>, %b: tensor<4xi32>) -> tensor<1x4x6x6xi32> {
  %0 = qcc.conv2d %x, %w, %b : (tensor<1x2x8x8x!qu8>, tensor<4x2x3x3x!qi8>, tensor<4xi32>) -> tensor<1x4x6x6xi32>
  return %0 : tensor<1x4x6x6xi32>
}

// Plain integers, as ONNX ConvInteger.
// CHECK-LABEL: func.func @conv2d_integer(
// CHECK: qcc.conv2d %arg0, %arg1 {strides = array<i64: 2, 2>} : (tensor<1x2x8x8xi8>, tensor<4x2x3x3xui8>) -> tensor<1x4x3x3xi32>
func.func @conv2d_integer(%x: tensor<1x2x8x8xi8>, %w: tensor<4x2x3x3xui8>) -> tensor<1x4x3x3xi32> {
  %0 = qcc.conv2d %x, %w {strides = array<i64: 2, 2>} : (tensor<1x2x8x8xi8>, tensor<4x2x3x3xui8>) -> tensor<1x4x3x3xi32>
  return %0 : tensor<1x4x3x3xi32>
}

// CHECK-LABEL: func.func @conv2d_dynamic(
// CHECK: qcc.conv2d %arg0, %arg1 {pads = array<i64: 1, 1, 1, 1>} : (tensor<?x3x?x?xf32>, tensor<8x3x3x3xf32>) -> tensor<?x8x?x?xf32>
func.func @conv2d_dynamic(%x: tensor<?x3x?x?xf32>, %w: tensor<8x3x3x3xf32>) -> tensor<?x8x?x?xf32> {
  %0 = qcc.conv2d %x, %w {pads = array<i64: 1, 1, 1, 1>} : (tensor<?x3x?x?xf32>, tensor<8x3x3x3xf32>) -> tensor<?x8x?x?xf32>
  return %0 : tensor<?x8x?x?xf32>
}

//===----------------------------------------------------------------------===//
// qcc.conv_transpose2d
//===----------------------------------------------------------------------===//

// out = 2 * (4 - 1) + 1 + (3 - 1) + 1 - 1 - 1 = 8.
// CHECK-LABEL: func.func @conv_transpose2d_float(
// CHECK: qcc.conv_transpose2d %arg0, %arg1, %arg2
// CHECK-SAME: {fused_activation = #qcc.activation<relu>, output_padding = array<i64: 1, 1>, pads = array<i64: 1, 1, 1, 1>, strides = array<i64: 2, 2>}
// CHECK-SAME: : (tensor<1x8x4x4xf32>, tensor<8x4x3x3xf32>, tensor<4xf32>) -> tensor<1x4x8x8xf32>
func.func @conv_transpose2d_float(%x: tensor<1x8x4x4xf32>, %w: tensor<8x4x3x3xf32>, %b: tensor<4xf32>) -> tensor<1x4x8x8xf32> {
  %0 = qcc.conv_transpose2d %x, %w, %b {strides = array<i64: 2, 2>, pads = array<i64: 1, 1, 1, 1>, output_padding = array<i64: 1, 1>, fused_activation = #qcc.activation<relu>} : (tensor<1x8x4x4xf32>, tensor<8x4x3x3xf32>, tensor<4xf32>) -> tensor<1x4x8x8xf32>
  return %0 : tensor<1x4x8x8xf32>
}

// Weight [C, F/groups, KH, KW]: 2 groups of 3 output channels.
// CHECK-LABEL: func.func @conv_transpose2d_grouped_dilated(
// CHECK: qcc.conv_transpose2d %arg0, %arg1 {dilations = array<i64: 2, 2>, groups = 2 : i64}
// CHECK-SAME: : (tensor<1x4x5x5xf32>, tensor<4x3x2x2xf32>) -> tensor<1x6x7x7xf32>
// GENERIC-LABEL: sym_name = "conv_transpose2d_grouped_dilated"
// GENERIC: "qcc.conv_transpose2d"(%{{.*}}, %{{.*}}) <{dilations = array<i64: 2, 2>, groups = 2 : i64, output_padding = array<i64: 0, 0>, pads = array<i64: 0, 0, 0, 0>, strides = array<i64: 1, 1>}>
func.func @conv_transpose2d_grouped_dilated(%x: tensor<1x4x5x5xf32>, %w: tensor<4x3x2x2xf32>) -> tensor<1x6x7x7xf32> {
  %0 = qcc.conv_transpose2d %x, %w {groups = 2 : i64, dilations = array<i64: 2, 2>} : (tensor<1x4x5x5xf32>, tensor<4x3x2x2xf32>) -> tensor<1x6x7x7xf32>
  return %0 : tensor<1x6x7x7xf32>
}

// Quantized weight per output channel, which is axis 1 here.
// CHECK-LABEL: func.func @conv_transpose2d_quantized(
// CHECK: qcc.conv_transpose2d %arg0, %arg1, %arg2 {strides = array<i64: 2, 2>}
// CHECK-SAME: : (tensor<1x4x4x4x!quant.uniform<i8:f32, 1.000000e-01:-3>>, tensor<4x2x2x2x!quant.uniform<i8:f32:1, {1.000000e-01,2.000000e-01}>>, tensor<2xi32>)
// CHECK-SAME: -> tensor<1x2x8x8x!quant.uniform<i8:f32, 5.000000e-02>>
func.func @conv_transpose2d_quantized(%x: tensor<1x4x4x4x!qi8>, %w: tensor<4x2x2x2x!qaxis1>, %b: tensor<2xi32>) -> tensor<1x2x8x8x!qi8b> {
  %0 = qcc.conv_transpose2d %x, %w, %b {strides = array<i64: 2, 2>} : (tensor<1x4x4x4x!qi8>, tensor<4x2x2x2x!qaxis1>, tensor<2xi32>) -> tensor<1x2x8x8x!qi8b>
  return %0 : tensor<1x2x8x8x!qi8b>
}

//===----------------------------------------------------------------------===//
// qcc.matmul
//===----------------------------------------------------------------------===//

// CHECK-LABEL: func.func @matmul_2d(
// CHECK: qcc.matmul %arg0, %arg1 : (tensor<3x4xf32>, tensor<4x5xf32>) -> tensor<3x5xf32>
func.func @matmul_2d(%a: tensor<3x4xf32>, %b: tensor<4x5xf32>) -> tensor<3x5xf32> {
  %0 = qcc.matmul %a, %b : (tensor<3x4xf32>, tensor<4x5xf32>) -> tensor<3x5xf32>
  return %0 : tensor<3x5xf32>
}

// Batch dimensions [2, 1] and [5] broadcast to [2, 5].
// CHECK-LABEL: func.func @matmul_batch_broadcast(
// CHECK: qcc.matmul %arg0, %arg1 : (tensor<2x1x3x4xf32>, tensor<5x4x6xf32>) -> tensor<2x5x3x6xf32>
func.func @matmul_batch_broadcast(%a: tensor<2x1x3x4xf32>, %b: tensor<5x4x6xf32>) -> tensor<2x5x3x6xf32> {
  %0 = qcc.matmul %a, %b : (tensor<2x1x3x4xf32>, tensor<5x4x6xf32>) -> tensor<2x5x3x6xf32>
  return %0 : tensor<2x5x3x6xf32>
}

// A 1-D operand is a vector whose dimension is dropped from the result.
// CHECK-LABEL: func.func @matmul_vectors(
// CHECK: qcc.matmul %arg0, %arg1 : (tensor<4xf32>, tensor<2x4x6xf32>) -> tensor<2x6xf32>
// CHECK: qcc.matmul %arg2, %arg0 : (tensor<2x3x4xf32>, tensor<4xf32>) -> tensor<2x3xf32>
// CHECK: qcc.matmul %arg0, %arg0 : (tensor<4xf32>, tensor<4xf32>) -> tensor<f32>
func.func @matmul_vectors(%v: tensor<4xf32>, %m: tensor<2x4x6xf32>, %n: tensor<2x3x4xf32>) -> (tensor<2x6xf32>, tensor<2x3xf32>, tensor<f32>) {
  %0 = qcc.matmul %v, %m : (tensor<4xf32>, tensor<2x4x6xf32>) -> tensor<2x6xf32>
  %1 = qcc.matmul %n, %v : (tensor<2x3x4xf32>, tensor<4xf32>) -> tensor<2x3xf32>
  %2 = qcc.matmul %v, %v : (tensor<4xf32>, tensor<4xf32>) -> tensor<f32>
  return %0, %1, %2 : tensor<2x6xf32>, tensor<2x3xf32>, tensor<f32>
}

// The rhs is quantized per column (its last axis); the result is quantized or
// the raw i32 accumulator.
// CHECK-LABEL: func.func @matmul_quantized(
// CHECK: qcc.matmul %arg0, %arg1
// CHECK-SAME: : (tensor<3x4x!quant.uniform<i8:f32, 1.000000e-01:-3>>, tensor<4x2x!quant.uniform<i8:f32:1, {1.000000e-01,2.000000e-01}>>)
// CHECK-SAME: -> tensor<3x2x!quant.uniform<i8:f32, 5.000000e-02>>
// CHECK: qcc.matmul %arg0, %arg1
// CHECK-SAME: -> tensor<3x2xi32>
func.func @matmul_quantized(%a: tensor<3x4x!qi8>, %b: tensor<4x2x!qaxis1>) -> (tensor<3x2x!qi8b>, tensor<3x2xi32>) {
  %0 = qcc.matmul %a, %b : (tensor<3x4x!qi8>, tensor<4x2x!qaxis1>) -> tensor<3x2x!qi8b>
  %1 = qcc.matmul %a, %b : (tensor<3x4x!qi8>, tensor<4x2x!qaxis1>) -> tensor<3x2xi32>
  return %0, %1 : tensor<3x2x!qi8b>, tensor<3x2xi32>
}

// A quantized 1-D rhs has no columns: it is quantized per tensor.
// CHECK-LABEL: func.func @matmul_quantized_vector(
// CHECK: qcc.matmul %arg0, %arg1
// CHECK-SAME: : (tensor<3x4x!quant.uniform<i8:f32, 1.000000e-01:-3>>, tensor<4x!quant.uniform<i8:f32, 5.000000e-02>>) -> tensor<3xi32>
func.func @matmul_quantized_vector(%a: tensor<3x4x!qi8>, %v: tensor<4x!qi8b>) -> tensor<3xi32> {
  %0 = qcc.matmul %a, %v : (tensor<3x4x!qi8>, tensor<4x!qi8b>) -> tensor<3xi32>
  return %0 : tensor<3xi32>
}

// Plain integers, as ONNX MatMulInteger.
// CHECK-LABEL: func.func @matmul_integer(
// CHECK: qcc.matmul %arg0, %arg1 : (tensor<3x4xui8>, tensor<4x5xi8>) -> tensor<3x5xi32>
func.func @matmul_integer(%a: tensor<3x4xui8>, %b: tensor<4x5xi8>) -> tensor<3x5xi32> {
  %0 = qcc.matmul %a, %b : (tensor<3x4xui8>, tensor<4x5xi8>) -> tensor<3x5xi32>
  return %0 : tensor<3x5xi32>
}

// CHECK-LABEL: func.func @matmul_dynamic(
// CHECK: qcc.matmul %arg0, %arg1 : (tensor<?x?x4xf32>, tensor<4x8xf32>) -> tensor<?x?x8xf32>
func.func @matmul_dynamic(%a: tensor<?x?x4xf32>, %b: tensor<4x8xf32>) -> tensor<?x?x8xf32> {
  %0 = qcc.matmul %a, %b : (tensor<?x?x4xf32>, tensor<4x8xf32>) -> tensor<?x?x8xf32>
  return %0 : tensor<?x?x8xf32>
}

//===----------------------------------------------------------------------===//
// qcc.fully_connected
//===----------------------------------------------------------------------===//

// CHECK-LABEL: func.func @fully_connected_float(
// CHECK: qcc.fully_connected %arg0, %arg1, %arg2 {fused_activation = #qcc.activation<tanh>}
// CHECK-SAME: : (tensor<1x64xf32>, tensor<10x64xf32>, tensor<10xf32>) -> tensor<1x10xf32>
func.func @fully_connected_float(%x: tensor<1x64xf32>, %w: tensor<10x64xf32>, %b: tensor<10xf32>) -> tensor<1x10xf32> {
  %0 = qcc.fully_connected %x, %w, %b {fused_activation = #qcc.activation<tanh>} : (tensor<1x64xf32>, tensor<10x64xf32>, tensor<10xf32>) -> tensor<1x10xf32>
  return %0 : tensor<1x10xf32>
}

// CHECK-LABEL: func.func @fully_connected_no_bias(
// CHECK: qcc.fully_connected %arg0, %arg1 {fused_activation = #qcc.activation<sigmoid>}
// CHECK-SAME: : (tensor<?x16xf32>, tensor<8x16xf32>) -> tensor<?x8xf32>
func.func @fully_connected_no_bias(%x: tensor<?x16xf32>, %w: tensor<8x16xf32>) -> tensor<?x8xf32> {
  %0 = qcc.fully_connected %x, %w {fused_activation = #qcc.activation<sigmoid>} : (tensor<?x16xf32>, tensor<8x16xf32>) -> tensor<?x8xf32>
  return %0 : tensor<?x8xf32>
}

// Weight per output feature (axis 0).
// CHECK-LABEL: func.func @fully_connected_quantized(
// CHECK: qcc.fully_connected %arg0, %arg1, %arg2 {fused_activation = #qcc.activation<hard_swish>}
// CHECK-SAME: : (tensor<2x16x!quant.uniform<i8:f32, 1.000000e-01:-3>>, tensor<2x16x!quant.uniform<i8:f32:0, {1.000000e-01,2.000000e-01}>>, tensor<2x!quant.uniform<i32:f32, 5.000000e-03>>)
// CHECK-SAME: -> tensor<2x2x!quant.uniform<i8:f32, 5.000000e-02>>
func.func @fully_connected_quantized(%x: tensor<2x16x!qi8>, %w: tensor<2x16x!qaxis0>, %b: tensor<2x!qi32>) -> tensor<2x2x!qi8b> {
  %0 = qcc.fully_connected %x, %w, %b {fused_activation = #qcc.activation<hard_swish>} : (tensor<2x16x!qi8>, tensor<2x16x!qaxis0>, tensor<2x!qi32>) -> tensor<2x2x!qi8b>
  return %0 : tensor<2x2x!qi8b>
}

// 4-bit weights.
// CHECK-LABEL: func.func @fully_connected_i4_weight(
// CHECK: qcc.fully_connected %arg0, %arg1
// CHECK-SAME: : (tensor<2x16x!quant.uniform<i8:f32, 1.000000e-01:-3>>, tensor<4x16x!quant.uniform<i4:f32, 5.000000e-01>>) -> tensor<2x4xi32>
func.func @fully_connected_i4_weight(%x: tensor<2x16x!qi8>, %w: tensor<4x16x!qi4>) -> tensor<2x4xi32> {
  %0 = qcc.fully_connected %x, %w : (tensor<2x16x!qi8>, tensor<4x16x!qi4>) -> tensor<2x4xi32>
  return %0 : tensor<2x4xi32>
}

//===----------------------------------------------------------------------===//
// qcc.add, qcc.sub, qcc.mul, qcc.div
//===----------------------------------------------------------------------===//

// CHECK-LABEL: func.func @add(
// CHECK: qcc.add %arg0, %arg1 {fused_activation = #qcc.activation<relu>}
// CHECK-SAME: : (tensor<1x8x4x4xf32>, tensor<8x1x1xf32>) -> tensor<1x8x4x4xf32>
func.func @add(%a: tensor<1x8x4x4xf32>, %b: tensor<8x1x1xf32>) -> tensor<1x8x4x4xf32> {
  %0 = qcc.add %a, %b {fused_activation = #qcc.activation<relu>} : (tensor<1x8x4x4xf32>, tensor<8x1x1xf32>) -> tensor<1x8x4x4xf32>
  return %0 : tensor<1x8x4x4xf32>
}

// CHECK-LABEL: func.func @add_integer(
// CHECK: qcc.add %arg0, %arg0 : (tensor<4xi8>, tensor<4xi8>) -> tensor<4xi8>
// CHECK: qcc.add %arg1, %arg1 : (tensor<4xui8>, tensor<4xui8>) -> tensor<4xui8>
func.func @add_integer(%a: tensor<4xi8>, %b: tensor<4xui8>) -> (tensor<4xi8>, tensor<4xui8>) {
  %0 = qcc.add %a, %a : (tensor<4xi8>, tensor<4xi8>) -> tensor<4xi8>
  %1 = qcc.add %b, %b : (tensor<4xui8>, tensor<4xui8>) -> tensor<4xui8>
  return %0, %1 : tensor<4xi8>, tensor<4xui8>
}

// Quantized operands and result may each have their own parameters.
// CHECK-LABEL: func.func @add_quantized(
// CHECK: qcc.add %arg0, %arg1 {fused_activation = #qcc.activation<clip, min = 2.500000e-01, max = 1.000000e+00>}
// CHECK-SAME: : (tensor<2x4x!quant.uniform<i8:f32, 1.000000e-01:-3>>, tensor<4x!quant.uniform<i8:f32, 5.000000e-02>>)
// CHECK-SAME: -> tensor<2x4x!quant.uniform<u8:f32, 2.000000e-02:128>>
func.func @add_quantized(%a: tensor<2x4x!qi8>, %b: tensor<4x!qi8b>) -> tensor<2x4x!qu8> {
  %0 = qcc.add %a, %b {fused_activation = #qcc.activation<clip, min = 0.25, max = 1.0>} : (tensor<2x4x!qi8>, tensor<4x!qi8b>) -> tensor<2x4x!qu8>
  return %0 : tensor<2x4x!qu8>
}

// CHECK-LABEL: func.func @add_dynamic(
// CHECK: qcc.add %arg0, %arg1 : (tensor<?x4xf32>, tensor<1x4xf32>) -> tensor<?x4xf32>
func.func @add_dynamic(%a: tensor<?x4xf32>, %b: tensor<1x4xf32>) -> tensor<?x4xf32> {
  %0 = qcc.add %a, %b : (tensor<?x4xf32>, tensor<1x4xf32>) -> tensor<?x4xf32>
  return %0 : tensor<?x4xf32>
}

// CHECK-LABEL: func.func @sub(
// CHECK: qcc.sub %arg0, %arg1 {fused_activation = #qcc.activation<leaky_relu, alpha = 2.000000e-01>}
// CHECK-SAME: : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xf32>
// CHECK: qcc.sub %arg2, %arg2 : (tensor<3xi32>, tensor<3xi32>) -> tensor<3xi32>
func.func @sub(%a: tensor<2x3xf32>, %b: tensor<3xf32>, %i: tensor<3xi32>) -> (tensor<2x3xf32>, tensor<3xi32>) {
  %0 = qcc.sub %a, %b {fused_activation = #qcc.activation<leaky_relu, alpha = 0.2>} : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xf32>
  %1 = qcc.sub %i, %i : (tensor<3xi32>, tensor<3xi32>) -> tensor<3xi32>
  return %0, %1 : tensor<2x3xf32>, tensor<3xi32>
}

// CHECK-LABEL: func.func @mul(
// CHECK: qcc.mul %arg0, %arg1 {fused_activation = #qcc.activation<sigmoid>}
// CHECK-SAME: : (tensor<2x3x!quant.uniform<i8:f32, 1.000000e-01:-3>>, tensor<2x1x!quant.uniform<i16:f32, 1.000000e-03>>)
// CHECK-SAME: -> tensor<2x3x!quant.uniform<i8:f32, 5.000000e-02>>
// CHECK: qcc.mul %arg2, %arg2 : (tensor<4xf16>, tensor<4xf16>) -> tensor<4xf16>
func.func @mul(%a: tensor<2x3x!qi8>, %b: tensor<2x1x!qi16>, %h: tensor<4xf16>) -> (tensor<2x3x!qi8b>, tensor<4xf16>) {
  %0 = qcc.mul %a, %b {fused_activation = #qcc.activation<sigmoid>} : (tensor<2x3x!qi8>, tensor<2x1x!qi16>) -> tensor<2x3x!qi8b>
  %1 = qcc.mul %h, %h : (tensor<4xf16>, tensor<4xf16>) -> tensor<4xf16>
  return %0, %1 : tensor<2x3x!qi8b>, tensor<4xf16>
}

// A rank-0 operand broadcasts to anything.
// CHECK-LABEL: func.func @div(
// CHECK: qcc.div %arg0, %arg1 : (tensor<2x3xf32>, tensor<f32>) -> tensor<2x3xf32>
// CHECK: qcc.div %arg2, %arg2 : (tensor<3xi32>, tensor<3xi32>) -> tensor<3xi32>
func.func @div(%a: tensor<2x3xf32>, %s: tensor<f32>, %i: tensor<3xi32>) -> (tensor<2x3xf32>, tensor<3xi32>) {
  %0 = qcc.div %a, %s : (tensor<2x3xf32>, tensor<f32>) -> tensor<2x3xf32>
  %1 = qcc.div %i, %i : (tensor<3xi32>, tensor<3xi32>) -> tensor<3xi32>
  return %0, %1 : tensor<2x3xf32>, tensor<3xi32>
}

//===----------------------------------------------------------------------===//
// Activations
//===----------------------------------------------------------------------===//

// CHECK-LABEL: func.func @relu(
// CHECK: qcc.relu %arg0 {qcc.bit_width = 16 : i64, qcc.range = #qcc.range<0.000000e+00, 6.500000e+00>} : (tensor<1x8xf32>) -> tensor<1x8xf32>
// CHECK: qcc.relu %arg1 : (tensor<1x8xi8>) -> tensor<1x8xi8>
// CHECK: qcc.relu %arg2 : (tensor<?x8x!quant.uniform<i8:f32, 1.000000e-01:-3>>) -> tensor<?x8x!quant.uniform<u8:f32, 2.000000e-02:128>>
func.func @relu(%x: tensor<1x8xf32>, %i: tensor<1x8xi8>, %q: tensor<?x8x!qi8>) -> (tensor<1x8xf32>, tensor<1x8xi8>, tensor<?x8x!qu8>) {
  %0 = qcc.relu %x {qcc.range = #qcc.range<0.0, 6.5>, qcc.bit_width = 16 : i64} : (tensor<1x8xf32>) -> tensor<1x8xf32>
  %1 = qcc.relu %i : (tensor<1x8xi8>) -> tensor<1x8xi8>
  %2 = qcc.relu %q : (tensor<?x8x!qi8>) -> tensor<?x8x!qu8>
  return %0, %1, %2 : tensor<1x8xf32>, tensor<1x8xi8>, tensor<?x8x!qu8>
}

// CHECK-LABEL: func.func @sigmoid(
// CHECK: qcc.sigmoid %arg0 : (tensor<1x8xf32>) -> tensor<1x8xf32>
// CHECK: qcc.sigmoid %arg1 : (tensor<1x8x!quant.uniform<i8:f32, 1.000000e-01:-3>>) -> tensor<1x8x!quant.uniform<u8:f32, 2.000000e-02:128>>
func.func @sigmoid(%x: tensor<1x8xf32>, %q: tensor<1x8x!qi8>) -> (tensor<1x8xf32>, tensor<1x8x!qu8>) {
  %0 = qcc.sigmoid %x : (tensor<1x8xf32>) -> tensor<1x8xf32>
  %1 = qcc.sigmoid %q : (tensor<1x8x!qi8>) -> tensor<1x8x!qu8>
  return %0, %1 : tensor<1x8xf32>, tensor<1x8x!qu8>
}

// CHECK-LABEL: func.func @tanh(
// CHECK: qcc.tanh %arg0 : (tensor<1x8xbf16>) -> tensor<1x8xbf16>
// CHECK: qcc.tanh %arg1 : (tensor<1x8x!quant.uniform<i8:f32, 1.000000e-01:-3>>) -> tensor<1x8x!quant.uniform<i8:f32, 5.000000e-02>>
func.func @tanh(%x: tensor<1x8xbf16>, %q: tensor<1x8x!qi8>) -> (tensor<1x8xbf16>, tensor<1x8x!qi8b>) {
  %0 = qcc.tanh %x : (tensor<1x8xbf16>) -> tensor<1x8xbf16>
  %1 = qcc.tanh %q : (tensor<1x8x!qi8>) -> tensor<1x8x!qi8b>
  return %0, %1 : tensor<1x8xbf16>, tensor<1x8x!qi8b>
}

// CHECK-LABEL: func.func @hard_swish(
// CHECK: qcc.hard_swish %arg0 : (tensor<?x8xf32>) -> tensor<?x8xf32>
// CHECK: qcc.hard_swish %arg1 {qcc.bit_width = 4 : i64} : (tensor<1x8x!quant.uniform<i8:f32, 1.000000e-01:-3>>) -> tensor<1x8x!quant.uniform<i4:f32, 5.000000e-01>>
func.func @hard_swish(%x: tensor<?x8xf32>, %q: tensor<1x8x!qi8>) -> (tensor<?x8xf32>, tensor<1x8x!qi4>) {
  %0 = qcc.hard_swish %x : (tensor<?x8xf32>) -> tensor<?x8xf32>
  %1 = qcc.hard_swish %q {qcc.bit_width = 4 : i64} : (tensor<1x8x!qi8>) -> tensor<1x8x!qi4>
  return %0, %1 : tensor<?x8xf32>, tensor<1x8x!qi4>
}

// CHECK-LABEL: func.func @erf(
// CHECK: qcc.erf %arg0 : (tensor<1x8xf32>) -> tensor<1x8xf32>
// CHECK: qcc.erf %arg1 : (tensor<1x8x!quant.uniform<i16:f32, 1.000000e-03>>) -> tensor<1x8x!quant.uniform<i16:f32, 1.000000e-03>>
func.func @erf(%x: tensor<1x8xf32>, %q: tensor<1x8x!qi16>) -> (tensor<1x8xf32>, tensor<1x8x!qi16>) {
  %0 = qcc.erf %x : (tensor<1x8xf32>) -> tensor<1x8xf32>
  %1 = qcc.erf %q : (tensor<1x8x!qi16>) -> tensor<1x8x!qi16>
  return %0, %1 : tensor<1x8xf32>, tensor<1x8x!qi16>
}

// Both bounds, one bound, integral bounds on integers, quantized.
// CHECK-LABEL: func.func @clip(
// CHECK: qcc.clip %arg0 {max = 6.000000e+00 : f64, min = 0.000000e+00 : f64} : (tensor<1x8xf32>) -> tensor<1x8xf32>
// CHECK: qcc.clip %arg0 {max = 1.500000e+00 : f64} : (tensor<1x8xf32>) -> tensor<1x8xf32>
// CHECK: qcc.clip %arg1 {max = 1.000000e+02 : f64, min = -1.000000e+02 : f64} : (tensor<1x8xi8>) -> tensor<1x8xi8>
// CHECK: qcc.clip %arg2 {min = 0.000000e+00 : f64} : (tensor<1x8x!quant.uniform<i8:f32, 1.000000e-01:-3>>) -> tensor<1x8x!quant.uniform<i8:f32, 1.000000e-01:-3>>
func.func @clip(%x: tensor<1x8xf32>, %i: tensor<1x8xi8>, %q: tensor<1x8x!qi8>) -> (tensor<1x8xf32>, tensor<1x8xf32>, tensor<1x8xi8>, tensor<1x8x!qi8>) {
  %0 = qcc.clip %x {min = 0.0 : f64, max = 6.0 : f64} : (tensor<1x8xf32>) -> tensor<1x8xf32>
  %1 = qcc.clip %x {max = 1.5 : f64} : (tensor<1x8xf32>) -> tensor<1x8xf32>
  %2 = qcc.clip %i {min = -100.0 : f64, max = 100.0 : f64} : (tensor<1x8xi8>) -> tensor<1x8xi8>
  %3 = qcc.clip %q {min = 0.0 : f64} : (tensor<1x8x!qi8>) -> tensor<1x8x!qi8>
  return %0, %1, %2, %3 : tensor<1x8xf32>, tensor<1x8xf32>, tensor<1x8xi8>, tensor<1x8x!qi8>
}

// CHECK-LABEL: func.func @leaky_relu(
// CHECK: qcc.leaky_relu %arg0 : (tensor<1x8xf32>) -> tensor<1x8xf32>
// CHECK: qcc.leaky_relu %arg1 {alpha = 2.500000e-01 : f32} : (tensor<1x8x!quant.uniform<i8:f32, 1.000000e-01:-3>>) -> tensor<1x8x!quant.uniform<i8:f32, 1.000000e-01:-3>>
// GENERIC-LABEL: sym_name = "leaky_relu"
// GENERIC: "qcc.leaky_relu"(%{{.*}}) <{alpha = 0.00999999977 : f32}>
func.func @leaky_relu(%x: tensor<1x8xf32>, %q: tensor<1x8x!qi8>) -> (tensor<1x8xf32>, tensor<1x8x!qi8>) {
  %0 = qcc.leaky_relu %x : (tensor<1x8xf32>) -> tensor<1x8xf32>
  %1 = qcc.leaky_relu %q {alpha = 0.25 : f32} : (tensor<1x8x!qi8>) -> tensor<1x8x!qi8>
  return %0, %1 : tensor<1x8xf32>, tensor<1x8x!qi8>
}

// CHECK-LABEL: func.func @hard_sigmoid(
// CHECK: qcc.hard_sigmoid %arg0 : (tensor<1x8xf32>) -> tensor<1x8xf32>
// CHECK: qcc.hard_sigmoid %arg0 {alpha = 1.250000e-01 : f32, beta = 2.500000e-01 : f32} : (tensor<1x8xf32>) -> tensor<1x8xf32>
// CHECK: qcc.hard_sigmoid %arg1 : (tensor<1x8x!quant.uniform<i8:f32, 1.000000e-01:-3>>) -> tensor<1x8x!quant.uniform<u8:f32, 2.000000e-02:128>>
// GENERIC-LABEL: sym_name = "hard_sigmoid"
// GENERIC: "qcc.hard_sigmoid"(%{{.*}}) <{alpha = 2.000000e-01 : f32, beta = 5.000000e-01 : f32}>
func.func @hard_sigmoid(%x: tensor<1x8xf32>, %q: tensor<1x8x!qi8>) -> (tensor<1x8xf32>, tensor<1x8xf32>, tensor<1x8x!qu8>) {
  %0 = qcc.hard_sigmoid %x : (tensor<1x8xf32>) -> tensor<1x8xf32>
  %1 = qcc.hard_sigmoid %x {alpha = 0.125 : f32, beta = 0.25 : f32} : (tensor<1x8xf32>) -> tensor<1x8xf32>
  %2 = qcc.hard_sigmoid %q : (tensor<1x8x!qi8>) -> tensor<1x8x!qu8>
  return %0, %1, %2 : tensor<1x8xf32>, tensor<1x8xf32>, tensor<1x8x!qu8>
}

// CHECK-LABEL: func.func @gelu(
// CHECK: qcc.gelu %arg0 : (tensor<1x8xf32>) -> tensor<1x8xf32>
// CHECK: qcc.gelu %arg0 {approximate = #qcc.gelu_approximation<tanh>} : (tensor<1x8xf32>) -> tensor<1x8xf32>
// CHECK: qcc.gelu %arg1 : (tensor<1x8x!quant.uniform<i8:f32, 1.000000e-01:-3>>) -> tensor<1x8x!quant.uniform<i8:f32, 5.000000e-02>>
// GENERIC-LABEL: sym_name = "gelu"
// GENERIC: "qcc.gelu"(%{{.*}}) <{approximate = #qcc.gelu_approximation<none>}>
// GENERIC: "qcc.gelu"(%{{.*}}) <{approximate = #qcc.gelu_approximation<tanh>}>
func.func @gelu(%x: tensor<1x8xf32>, %q: tensor<1x8x!qi8>) -> (tensor<1x8xf32>, tensor<1x8xf32>, tensor<1x8x!qi8b>) {
  %0 = qcc.gelu %x {approximate = #qcc.gelu_approximation<none>} : (tensor<1x8xf32>) -> tensor<1x8xf32>
  %1 = qcc.gelu %x {approximate = #qcc.gelu_approximation<tanh>} : (tensor<1x8xf32>) -> tensor<1x8xf32>
  %2 = qcc.gelu %q : (tensor<1x8x!qi8>) -> tensor<1x8x!qi8b>
  return %0, %1, %2 : tensor<1x8xf32>, tensor<1x8xf32>, tensor<1x8x!qi8b>
}

// The slope broadcasts to the input: per channel, or a quantized vector.
// CHECK-LABEL: func.func @prelu(
// CHECK: qcc.prelu %arg0, %arg1 : (tensor<1x8x4x4xf32>, tensor<8x1x1xf32>) -> tensor<1x8x4x4xf32>
// CHECK: qcc.prelu %arg2, %arg3
// CHECK-SAME: : (tensor<1x8x!quant.uniform<i8:f32, 1.000000e-01:-3>>, tensor<8x!quant.uniform<i8:f32, 5.000000e-02>>) -> tensor<1x8x!quant.uniform<i8:f32, 1.000000e-01:-3>>
func.func @prelu(%x: tensor<1x8x4x4xf32>, %s: tensor<8x1x1xf32>, %q: tensor<1x8x!qi8>, %qs: tensor<8x!qi8b>) -> (tensor<1x8x4x4xf32>, tensor<1x8x!qi8>) {
  %0 = qcc.prelu %x, %s : (tensor<1x8x4x4xf32>, tensor<8x1x1xf32>) -> tensor<1x8x4x4xf32>
  %1 = qcc.prelu %q, %qs : (tensor<1x8x!qi8>, tensor<8x!qi8b>) -> tensor<1x8x!qi8>
  return %0, %1 : tensor<1x8x4x4xf32>, tensor<1x8x!qi8>
}

//===----------------------------------------------------------------------===//
// Pooling and normalization
//===----------------------------------------------------------------------===//

// ceil_mode: 5 -> 3 windows of 2 with stride 2 (2 without ceil_mode).
// CHECK-LABEL: func.func @max_pool2d(
// CHECK: qcc.max_pool2d %arg0 {kernel = array<i64: 2, 2>, strides = array<i64: 2, 2>} : (tensor<1x8x32x32xf32>) -> tensor<1x8x16x16xf32>
// CHECK: qcc.max_pool2d %arg1 {ceil_mode = true, kernel = array<i64: 2, 2>, strides = array<i64: 2, 2>} : (tensor<1x8x5x5xi8>) -> tensor<1x8x3x3xi8>
// CHECK: qcc.max_pool2d %arg0 {dilations = array<i64: 2, 2>, kernel = array<i64: 3, 3>, pads = array<i64: 0, 0, 1, 1>} : (tensor<1x8x32x32xf32>) -> tensor<1x8x29x29xf32>
// CHECK: qcc.max_pool2d %arg2 {kernel = array<i64: 2, 2>} : (tensor<?x8x?x?x!quant.uniform<i8:f32, 1.000000e-01:-3>>) -> tensor<?x8x?x?x!quant.uniform<i8:f32, 1.000000e-01:-3>>
// GENERIC-LABEL: sym_name = "max_pool2d"
// GENERIC: "qcc.max_pool2d"(%{{.*}}) <{ceil_mode = false, dilations = array<i64: 1, 1>, kernel = array<i64: 2, 2>, pads = array<i64: 0, 0, 0, 0>, strides = array<i64: 2, 2>}>
func.func @max_pool2d(%x: tensor<1x8x32x32xf32>, %i: tensor<1x8x5x5xi8>, %q: tensor<?x8x?x?x!qi8>) -> (tensor<1x8x16x16xf32>, tensor<1x8x3x3xi8>, tensor<1x8x29x29xf32>, tensor<?x8x?x?x!qi8>) {
  %0 = qcc.max_pool2d %x {kernel = array<i64: 2, 2>, strides = array<i64: 2, 2>} : (tensor<1x8x32x32xf32>) -> tensor<1x8x16x16xf32>
  %1 = qcc.max_pool2d %i {kernel = array<i64: 2, 2>, strides = array<i64: 2, 2>, ceil_mode = true} : (tensor<1x8x5x5xi8>) -> tensor<1x8x3x3xi8>
  %2 = qcc.max_pool2d %x {kernel = array<i64: 3, 3>, dilations = array<i64: 2, 2>, pads = array<i64: 0, 0, 1, 1>, strides = array<i64: 1, 1>, ceil_mode = false} : (tensor<1x8x32x32xf32>) -> tensor<1x8x29x29xf32>
  %3 = qcc.max_pool2d %q {kernel = array<i64: 2, 2>} : (tensor<?x8x?x?x!qi8>) -> tensor<?x8x?x?x!qi8>
  return %0, %1, %2, %3 : tensor<1x8x16x16xf32>, tensor<1x8x3x3xi8>, tensor<1x8x29x29xf32>, tensor<?x8x?x?x!qi8>
}

// CHECK-LABEL: func.func @avg_pool2d(
// CHECK: qcc.avg_pool2d %arg0 {count_include_pad = true, kernel = array<i64: 3, 3>, pads = array<i64: 1, 1, 1, 1>} : (tensor<1x8x32x32xf32>) -> tensor<1x8x32x32xf32>
// CHECK: qcc.avg_pool2d %arg1 {ceil_mode = true, kernel = array<i64: 2, 2>, strides = array<i64: 2, 2>}
// CHECK-SAME: : (tensor<1x8x7x7x!quant.uniform<i8:f32, 1.000000e-01:-3>>) -> tensor<1x8x4x4x!quant.uniform<i8:f32, 5.000000e-02>>
// GENERIC-LABEL: sym_name = "avg_pool2d"
// GENERIC: "qcc.avg_pool2d"(%{{.*}}) <{ceil_mode = false, count_include_pad = true, dilations = array<i64: 1, 1>, kernel = array<i64: 3, 3>, pads = array<i64: 1, 1, 1, 1>, strides = array<i64: 1, 1>}>
// GENERIC: "qcc.avg_pool2d"(%{{.*}}) <{ceil_mode = true, count_include_pad = false,
func.func @avg_pool2d(%x: tensor<1x8x32x32xf32>, %q: tensor<1x8x7x7x!qi8>) -> (tensor<1x8x32x32xf32>, tensor<1x8x4x4x!qi8b>) {
  %0 = qcc.avg_pool2d %x {kernel = array<i64: 3, 3>, pads = array<i64: 1, 1, 1, 1>, count_include_pad = true} : (tensor<1x8x32x32xf32>) -> tensor<1x8x32x32xf32>
  %1 = qcc.avg_pool2d %q {kernel = array<i64: 2, 2>, strides = array<i64: 2, 2>, ceil_mode = true} : (tensor<1x8x7x7x!qi8>) -> tensor<1x8x4x4x!qi8b>
  return %0, %1 : tensor<1x8x32x32xf32>, tensor<1x8x4x4x!qi8b>
}

// Any number of spatial dimensions.
// CHECK-LABEL: func.func @global_avg_pool(
// CHECK: qcc.global_avg_pool %arg0 : (tensor<1x8x7x7xf32>) -> tensor<1x8x1x1xf32>
// CHECK: qcc.global_avg_pool %arg1 : (tensor<2x4x10xf32>) -> tensor<2x4x1xf32>
// CHECK: qcc.global_avg_pool %arg2 : (tensor<?x8x?x?x!quant.uniform<i8:f32, 1.000000e-01:-3>>) -> tensor<?x8x1x1x!quant.uniform<i8:f32, 1.000000e-01:-3>>
func.func @global_avg_pool(%x: tensor<1x8x7x7xf32>, %s: tensor<2x4x10xf32>, %q: tensor<?x8x?x?x!qi8>) -> (tensor<1x8x1x1xf32>, tensor<2x4x1xf32>, tensor<?x8x1x1x!qi8>) {
  %0 = qcc.global_avg_pool %x : (tensor<1x8x7x7xf32>) -> tensor<1x8x1x1xf32>
  %1 = qcc.global_avg_pool %s : (tensor<2x4x10xf32>) -> tensor<2x4x1xf32>
  %2 = qcc.global_avg_pool %q : (tensor<?x8x?x?x!qi8>) -> tensor<?x8x1x1x!qi8>
  return %0, %1, %2 : tensor<1x8x1x1xf32>, tensor<2x4x1xf32>, tensor<?x8x1x1x!qi8>
}

// CHECK-LABEL: func.func @batch_norm(
// CHECK: qcc.batch_norm %arg0, %arg1, %arg1, %arg1, %arg1 : (tensor<1x8x4x4xf32>, tensor<8xf32>, tensor<8xf32>, tensor<8xf32>, tensor<8xf32>) -> tensor<1x8x4x4xf32>
// CHECK: qcc.batch_norm %arg2, %arg3, %arg3, %arg3, %arg3 {epsilon = 1.000000e-03 : f32} : (tensor<?x8xf16>, tensor<8xf16>, tensor<8xf16>, tensor<8xf16>, tensor<8xf16>) -> tensor<?x8xf16>
// GENERIC-LABEL: sym_name = "batch_norm"
// GENERIC: "qcc.batch_norm"(%{{.*}}, %{{.*}}, %{{.*}}, %{{.*}}, %{{.*}}) <{epsilon = 9.99999974E-6 : f32}>
func.func @batch_norm(%x: tensor<1x8x4x4xf32>, %c: tensor<8xf32>, %h: tensor<?x8xf16>, %hc: tensor<8xf16>) -> (tensor<1x8x4x4xf32>, tensor<?x8xf16>) {
  %0 = qcc.batch_norm %x, %c, %c, %c, %c : (tensor<1x8x4x4xf32>, tensor<8xf32>, tensor<8xf32>, tensor<8xf32>, tensor<8xf32>) -> tensor<1x8x4x4xf32>
  %1 = qcc.batch_norm %h, %hc, %hc, %hc, %hc {epsilon = 1.0e-03 : f32} : (tensor<?x8xf16>, tensor<8xf16>, tensor<8xf16>, tensor<8xf16>, tensor<8xf16>) -> tensor<?x8xf16>
  return %0, %1 : tensor<1x8x4x4xf32>, tensor<?x8xf16>
}

// CHECK-LABEL: func.func @softmax(
// CHECK: qcc.softmax %arg0 {axis = 1 : i64} : (tensor<1x10xf32>) -> tensor<1x10xf32>
// CHECK: qcc.softmax %arg1 {axis = 0 : i64} : (tensor<2x?x!quant.uniform<i8:f32, 1.000000e-01:-3>>) -> tensor<2x?x!quant.uniform<u8:f32, 2.000000e-02:128>>
func.func @softmax(%x: tensor<1x10xf32>, %q: tensor<2x?x!qi8>) -> (tensor<1x10xf32>, tensor<2x?x!qu8>) {
  %0 = qcc.softmax %x {axis = 1 : i64} : (tensor<1x10xf32>) -> tensor<1x10xf32>
  %1 = qcc.softmax %q {axis = 0 : i64} : (tensor<2x?x!qi8>) -> tensor<2x?x!qu8>
  return %0, %1 : tensor<1x10xf32>, tensor<2x?x!qu8>
}

// With and without bias; the scale broadcasts to input.shape[axis:].
// CHECK-LABEL: func.func @layer_norm(
// CHECK: qcc.layer_norm %arg0, %arg1, %arg2 {axis = 2 : i64} : (tensor<1x4x16xf32>, tensor<16xf32>, tensor<16xf32>) -> tensor<1x4x16xf32>
// CHECK: qcc.layer_norm %arg0, %arg3 {axis = 1 : i64, epsilon = 9.99999997E-7 : f32} : (tensor<1x4x16xf32>, tensor<4x1xf32>) -> tensor<1x4x16xf32>
// GENERIC-LABEL: sym_name = "layer_norm"
// GENERIC: "qcc.layer_norm"(%{{.*}}, %{{.*}}, %{{.*}}) <{axis = 2 : i64, epsilon = 9.99999974E-6 : f32}>
func.func @layer_norm(%x: tensor<1x4x16xf32>, %g: tensor<16xf32>, %b: tensor<16xf32>, %g2: tensor<4x1xf32>) -> (tensor<1x4x16xf32>, tensor<1x4x16xf32>) {
  %0 = qcc.layer_norm %x, %g, %b {axis = 2 : i64} : (tensor<1x4x16xf32>, tensor<16xf32>, tensor<16xf32>) -> tensor<1x4x16xf32>
  %1 = qcc.layer_norm %x, %g2 {axis = 1 : i64, epsilon = 1.0e-06 : f32} : (tensor<1x4x16xf32>, tensor<4x1xf32>) -> tensor<1x4x16xf32>
  return %0, %1 : tensor<1x4x16xf32>, tensor<1x4x16xf32>
}

// Quantized: per-tensor quantized input and result, float scale and bias.
// CHECK-LABEL: func.func @layer_norm_quantized(
// CHECK: qcc.layer_norm %arg0, %arg1, %arg2 {axis = 1 : i64} : (tensor<2x16x!quant.uniform<i8:f32, 5.000000e-02:3>>, tensor<16xf32>, tensor<16xf32>) -> tensor<2x16x!quant.uniform<i8:f32, 3.000000e-02:-5>>
// GENERIC-LABEL: sym_name = "layer_norm_quantized"
// GENERIC: "qcc.layer_norm"(%{{.*}}, %{{.*}}, %{{.*}}) <{axis = 1 : i64, epsilon = 9.99999974E-6 : f32}>
func.func @layer_norm_quantized(%x: tensor<2x16x!quant.uniform<i8:f32, 0.05:3>>, %g: tensor<16xf32>, %b: tensor<16xf32>) -> tensor<2x16x!quant.uniform<i8:f32, 0.03:-5>> {
  %0 = qcc.layer_norm %x, %g, %b {axis = 1 : i64} : (tensor<2x16x!quant.uniform<i8:f32, 0.05:3>>, tensor<16xf32>, tensor<16xf32>) -> tensor<2x16x!quant.uniform<i8:f32, 0.03:-5>>
  return %0 : tensor<2x16x!quant.uniform<i8:f32, 0.03:-5>>
}

// Optional statistics (ONNX's Mean and InvStdDev): 1 or 2 extra results of
// the input's shape with the normalized dimensions set to 1 (0 statistics is
// @layer_norm above).
// CHECK-LABEL: func.func @layer_norm_statistics(
// CHECK: qcc.layer_norm %arg0, %arg1 {axis = 2 : i64} : (tensor<2x4x16xf32>, tensor<16xf32>) -> (tensor<2x4x16xf32>, tensor<2x4x1xf32>)
// CHECK: qcc.layer_norm %arg0, %arg2, %arg1 {axis = 1 : i64} : (tensor<2x4x16xf32>, tensor<4x16xf32>, tensor<16xf32>) -> (tensor<2x4x16xf32>, tensor<2x1x1xf32>, tensor<2x1x1xf32>)
// CHECK: qcc.layer_norm %arg3, %arg4 {axis = 1 : i64, epsilon = 0.000000e+00 : f32} : (tensor<?x8xf16>, tensor<8xf16>) -> (tensor<?x8xf16>, tensor<?x1xf16>, tensor<?x1xf16>)
// GENERIC-LABEL: sym_name = "layer_norm_statistics"
// GENERIC: %{{.*}}:2 = "qcc.layer_norm"(%{{.*}}, %{{.*}}) <{axis = 2 : i64, epsilon = 9.99999974E-6 : f32}>
// GENERIC: %{{.*}}:3 = "qcc.layer_norm"(%{{.*}}, %{{.*}}, %{{.*}}) <{axis = 1 : i64, epsilon = 9.99999974E-6 : f32}>
func.func @layer_norm_statistics(%x: tensor<2x4x16xf32>, %g: tensor<16xf32>, %g2: tensor<4x16xf32>, %h: tensor<?x8xf16>, %hg: tensor<8xf16>) -> (tensor<2x4x16xf32>, tensor<2x4x1xf32>, tensor<2x4x16xf32>, tensor<2x1x1xf32>, tensor<2x1x1xf32>, tensor<?x8xf16>, tensor<?x1xf16>, tensor<?x1xf16>) {
  %0:2 = qcc.layer_norm %x, %g {axis = 2 : i64} : (tensor<2x4x16xf32>, tensor<16xf32>) -> (tensor<2x4x16xf32>, tensor<2x4x1xf32>)
  %1:3 = qcc.layer_norm %x, %g2, %g {axis = 1 : i64} : (tensor<2x4x16xf32>, tensor<4x16xf32>, tensor<16xf32>) -> (tensor<2x4x16xf32>, tensor<2x1x1xf32>, tensor<2x1x1xf32>)
  %2:3 = qcc.layer_norm %h, %hg {axis = 1 : i64, epsilon = 0.0 : f32} : (tensor<?x8xf16>, tensor<8xf16>) -> (tensor<?x8xf16>, tensor<?x1xf16>, tensor<?x1xf16>)
  return %0#0, %0#1, %1#0, %1#1, %1#2, %2#0, %2#1, %2#2 : tensor<2x4x16xf32>, tensor<2x4x1xf32>, tensor<2x4x16xf32>, tensor<2x1x1xf32>, tensor<2x1x1xf32>, tensor<?x8xf16>, tensor<?x1xf16>, tensor<?x1xf16>
}

//===----------------------------------------------------------------------===//
// Data movement
//===----------------------------------------------------------------------===//

// CHECK-LABEL: func.func @concat(
// CHECK: qcc.concat %arg0, %arg1 {axis = 1 : i64} : (tensor<1x2x4xf32>, tensor<1x3x4xf32>) -> tensor<1x5x4xf32>
// CHECK: qcc.concat %arg0, %arg2, %arg1 {axis = 1 : i64} : (tensor<1x2x4xf32>, tensor<1x?x4xf32>, tensor<1x3x4xf32>) -> tensor<1x?x4xf32>
// CHECK: qcc.concat %arg0 {axis = 2 : i64} : (tensor<1x2x4xf32>) -> tensor<1x2x4xf32>
func.func @concat(%a: tensor<1x2x4xf32>, %b: tensor<1x3x4xf32>, %d: tensor<1x?x4xf32>) -> (tensor<1x5x4xf32>, tensor<1x?x4xf32>, tensor<1x2x4xf32>) {
  %0 = qcc.concat %a, %b {axis = 1 : i64} : (tensor<1x2x4xf32>, tensor<1x3x4xf32>) -> tensor<1x5x4xf32>
  %1 = qcc.concat %a, %d, %b {axis = 1 : i64} : (tensor<1x2x4xf32>, tensor<1x?x4xf32>, tensor<1x3x4xf32>) -> tensor<1x?x4xf32>
  %2 = qcc.concat %a {axis = 2 : i64} : (tensor<1x2x4xf32>) -> tensor<1x2x4xf32>
  return %0, %1, %2 : tensor<1x5x4xf32>, tensor<1x?x4xf32>, tensor<1x2x4xf32>
}

// Quantized inputs with different scales.
// CHECK-LABEL: func.func @concat_quantized(
// CHECK: qcc.concat %arg0, %arg1 {axis = 1 : i64}
// CHECK-SAME: : (tensor<2x3x!quant.uniform<i8:f32, 1.000000e-01:-3>>, tensor<2x1x!quant.uniform<i8:f32, 5.000000e-02>>) -> tensor<2x4x!quant.uniform<i8:f32, 1.000000e-01:-3>>
func.func @concat_quantized(%a: tensor<2x3x!qi8>, %b: tensor<2x1x!qi8b>) -> tensor<2x4x!qi8> {
  %0 = qcc.concat %a, %b {axis = 1 : i64} : (tensor<2x3x!qi8>, tensor<2x1x!qi8b>) -> tensor<2x4x!qi8>
  return %0 : tensor<2x4x!qi8>
}

// CHECK-LABEL: func.func @reshape(
// CHECK: qcc.reshape %arg0 : (tensor<1x8x2x2xf32>) -> tensor<1x32xf32>
// CHECK: qcc.reshape %arg1 : (tensor<2x6x!quant.uniform<i8:f32, 1.000000e-01:-3>>) -> tensor<3x4x!quant.uniform<i8:f32, 1.000000e-01:-3>>
// CHECK: qcc.reshape %arg2 : (tensor<?x4xf32>) -> tensor<?x2x2xf32>
func.func @reshape(%x: tensor<1x8x2x2xf32>, %q: tensor<2x6x!qi8>, %d: tensor<?x4xf32>) -> (tensor<1x32xf32>, tensor<3x4x!qi8>, tensor<?x2x2xf32>) {
  %0 = qcc.reshape %x : (tensor<1x8x2x2xf32>) -> tensor<1x32xf32>
  %1 = qcc.reshape %q : (tensor<2x6x!qi8>) -> tensor<3x4x!qi8>
  %2 = qcc.reshape %d : (tensor<?x4xf32>) -> tensor<?x2x2xf32>
  return %0, %1, %2 : tensor<1x32xf32>, tensor<3x4x!qi8>, tensor<?x2x2xf32>
}

// axis defaults to 1.
// CHECK-LABEL: func.func @flatten(
// CHECK: qcc.flatten %arg0 : (tensor<2x3x4x5xf32>) -> tensor<2x60xf32>
// CHECK: qcc.flatten %arg0 {axis = 0 : i64} : (tensor<2x3x4x5xf32>) -> tensor<1x120xf32>
// CHECK: qcc.flatten %arg0 {axis = 4 : i64} : (tensor<2x3x4x5xf32>) -> tensor<120x1xf32>
// CHECK: qcc.flatten %arg1 : (tensor<?x3x4xi8>) -> tensor<?x12xi8>
// GENERIC-LABEL: sym_name = "flatten"
// GENERIC: "qcc.flatten"(%{{.*}}) <{axis = 1 : i64}>
func.func @flatten(%x: tensor<2x3x4x5xf32>, %d: tensor<?x3x4xi8>) -> (tensor<2x60xf32>, tensor<1x120xf32>, tensor<120x1xf32>, tensor<?x12xi8>) {
  %0 = qcc.flatten %x : (tensor<2x3x4x5xf32>) -> tensor<2x60xf32>
  %1 = qcc.flatten %x {axis = 0 : i64} : (tensor<2x3x4x5xf32>) -> tensor<1x120xf32>
  %2 = qcc.flatten %x {axis = 4 : i64} : (tensor<2x3x4x5xf32>) -> tensor<120x1xf32>
  %3 = qcc.flatten %d {axis = 1 : i64} : (tensor<?x3x4xi8>) -> tensor<?x12xi8>
  return %0, %1, %2, %3 : tensor<2x60xf32>, tensor<1x120xf32>, tensor<120x1xf32>, tensor<?x12xi8>
}

// CHECK-LABEL: func.func @squeeze(
// CHECK: qcc.squeeze %arg0 {axes = array<i64: 2, 3>} : (tensor<1x8x1x1xf32>) -> tensor<1x8xf32>
// CHECK: qcc.squeeze %arg1 {axes = array<i64: 1>} : (tensor<?x1x!quant.uniform<i8:f32, 1.000000e-01:-3>>) -> tensor<?x!quant.uniform<i8:f32, 1.000000e-01:-3>>
func.func @squeeze(%x: tensor<1x8x1x1xf32>, %q: tensor<?x1x!qi8>) -> (tensor<1x8xf32>, tensor<?x!qi8>) {
  %0 = qcc.squeeze %x {axes = array<i64: 2, 3>} : (tensor<1x8x1x1xf32>) -> tensor<1x8xf32>
  %1 = qcc.squeeze %q {axes = array<i64: 1>} : (tensor<?x1x!qi8>) -> tensor<?x!qi8>
  return %0, %1 : tensor<1x8xf32>, tensor<?x!qi8>
}

// CHECK-LABEL: func.func @unsqueeze(
// CHECK: qcc.unsqueeze %arg0 {axes = array<i64: 0, 3>} : (tensor<8x4xf32>) -> tensor<1x8x4x1xf32>
// CHECK: qcc.unsqueeze %arg1 {axes = array<i64: 0>} : (tensor<f32>) -> tensor<1xf32>
func.func @unsqueeze(%x: tensor<8x4xf32>, %s: tensor<f32>) -> (tensor<1x8x4x1xf32>, tensor<1xf32>) {
  %0 = qcc.unsqueeze %x {axes = array<i64: 0, 3>} : (tensor<8x4xf32>) -> tensor<1x8x4x1xf32>
  %1 = qcc.unsqueeze %s {axes = array<i64: 0>} : (tensor<f32>) -> tensor<1xf32>
  return %0, %1 : tensor<1x8x4x1xf32>, tensor<1xf32>
}

// CHECK-LABEL: func.func @transpose(
// CHECK: qcc.transpose %arg0 {perms = array<i64: 0, 2, 3, 1>} : (tensor<1x8x4x5xf32>) -> tensor<1x4x5x8xf32>
// CHECK: qcc.transpose %arg1 {perms = array<i64: 1, 0>} : (tensor<?x3x!quant.uniform<i8:f32, 1.000000e-01:-3>>) -> tensor<3x?x!quant.uniform<i8:f32, 1.000000e-01:-3>>
func.func @transpose(%x: tensor<1x8x4x5xf32>, %q: tensor<?x3x!qi8>) -> (tensor<1x4x5x8xf32>, tensor<3x?x!qi8>) {
  %0 = qcc.transpose %x {perms = array<i64: 0, 2, 3, 1>} : (tensor<1x8x4x5xf32>) -> tensor<1x4x5x8xf32>
  %1 = qcc.transpose %q {perms = array<i64: 1, 0>} : (tensor<?x3x!qi8>) -> tensor<3x?x!qi8>
  return %0, %1 : tensor<1x4x5x8xf32>, tensor<3x?x!qi8>
}

// A per-axis quantized dimension keeps its scales wherever it moves: the
// quantized axis of the result is the dimension's new position.
// CHECK-LABEL: func.func @per_axis_data_movement(
// CHECK: qcc.transpose %arg0 {perms = array<i64: 1, 0>} : (tensor<2x3x!quant.uniform<i8:f32:0, {1.000000e-01,2.000000e-01}>>) -> tensor<3x2x!quant.uniform<i8:f32:1, {1.000000e-01,2.000000e-01}>>
// CHECK: qcc.transpose %arg1 {perms = array<i64: 2, 0, 1>} : (tensor<4x3x2x!quant.uniform<i8:f32:2, {1.000000e-01,2.000000e-01}>>) -> tensor<2x4x3x!quant.uniform<i8:f32:0, {1.000000e-01,2.000000e-01}>>
// CHECK: qcc.reshape %arg1 : (tensor<4x3x2x!quant.uniform<i8:f32:2, {1.000000e-01,2.000000e-01}>>) -> tensor<12x2x!quant.uniform<i8:f32:1, {1.000000e-01,2.000000e-01}>>
// CHECK: qcc.flatten %arg0 : (tensor<2x3x!quant.uniform<i8:f32:0, {1.000000e-01,2.000000e-01}>>) -> tensor<2x3x!quant.uniform<i8:f32:0, {1.000000e-01,2.000000e-01}>>
// CHECK: qcc.squeeze %arg2 {axes = array<i64: 0>} : (tensor<1x2x!quant.uniform<i8:f32:1, {1.000000e-01,2.000000e-01}>>) -> tensor<2x!quant.uniform<i8:f32:0, {1.000000e-01,2.000000e-01}>>
// CHECK: qcc.unsqueeze %arg0 {axes = array<i64: 0, 3>} : (tensor<2x3x!quant.uniform<i8:f32:0, {1.000000e-01,2.000000e-01}>>) -> tensor<1x2x3x1x!quant.uniform<i8:f32:1, {1.000000e-01,2.000000e-01}>>
func.func @per_axis_data_movement(%x: tensor<2x3x!qaxis0>, %y: tensor<4x3x2x!quant.uniform<i8:f32:2, {0.1, 0.2}>>, %z: tensor<1x2x!qaxis1>) -> (tensor<3x2x!qaxis1>, tensor<2x4x3x!qaxis0>, tensor<12x2x!qaxis1>, tensor<2x3x!qaxis0>, tensor<2x!qaxis0>, tensor<1x2x3x1x!qaxis1>) {
  %0 = qcc.transpose %x {perms = array<i64: 1, 0>} : (tensor<2x3x!qaxis0>) -> tensor<3x2x!qaxis1>
  %1 = qcc.transpose %y {perms = array<i64: 2, 0, 1>} : (tensor<4x3x2x!quant.uniform<i8:f32:2, {0.1, 0.2}>>) -> tensor<2x4x3x!qaxis0>
  %2 = qcc.reshape %y : (tensor<4x3x2x!quant.uniform<i8:f32:2, {0.1, 0.2}>>) -> tensor<12x2x!qaxis1>
  %3 = qcc.flatten %x : (tensor<2x3x!qaxis0>) -> tensor<2x3x!qaxis0>
  %4 = qcc.squeeze %z {axes = array<i64: 0>} : (tensor<1x2x!qaxis1>) -> tensor<2x!qaxis0>
  %5 = qcc.unsqueeze %x {axes = array<i64: 0, 3>} : (tensor<2x3x!qaxis0>) -> tensor<1x2x3x1x!qaxis1>
  return %0, %1, %2, %3, %4, %5 : tensor<3x2x!qaxis1>, tensor<2x4x3x!qaxis0>, tensor<12x2x!qaxis1>, tensor<2x3x!qaxis0>, tensor<2x!qaxis0>, tensor<1x2x3x1x!qaxis1>
}

// pads = [begin of every dimension..., end of every dimension...]; negative
// amounts crop.
// CHECK-LABEL: func.func @pad(
// CHECK: qcc.pad %arg0 {pads = array<i64: 0, 0, 1, 1, 0, 0, 1, 1>} : (tensor<1x8x4x4xf32>) -> tensor<1x8x6x6xf32>
// CHECK: qcc.pad %arg0 {mode = #qcc.pad_mode<reflect>, pads = array<i64: 0, 0, 3, 0, 0, 0, 0, 1>} : (tensor<1x8x4x4xf32>) -> tensor<1x8x7x5xf32>
// CHECK: qcc.pad %arg0 {mode = #qcc.pad_mode<edge>, pads = array<i64: 0, 0, 0, 2, 0, 0, 0, 3>} : (tensor<1x8x4x4xf32>) -> tensor<1x8x4x9xf32>
// CHECK: qcc.pad %arg1 {pads = array<i64: 0, -1, 0, -1>, value = 5.000000e-01 : f64}
// CHECK-SAME: : (tensor<4x4x!quant.uniform<i8:f32, 1.000000e-01:-3>>) -> tensor<4x2x!quant.uniform<i8:f32, 1.000000e-01:-3>>
// CHECK: qcc.pad %arg2 {pads = array<i64: 2, 1, 0, 1>, value = -1.000000e+00 : f64} : (tensor<?x4xf32>) -> tensor<?x6xf32>
// GENERIC-LABEL: sym_name = "pad"
// GENERIC: "qcc.pad"(%{{.*}}) <{mode = #qcc.pad_mode<constant>, pads = array<i64: 0, 0, 1, 1, 0, 0, 1, 1>, value = 0.000000e+00 : f64}>
func.func @pad(%x: tensor<1x8x4x4xf32>, %q: tensor<4x4x!qi8>, %d: tensor<?x4xf32>) -> (tensor<1x8x6x6xf32>, tensor<1x8x7x5xf32>, tensor<1x8x4x9xf32>, tensor<4x2x!qi8>, tensor<?x6xf32>) {
  %0 = qcc.pad %x {pads = array<i64: 0, 0, 1, 1, 0, 0, 1, 1>} : (tensor<1x8x4x4xf32>) -> tensor<1x8x6x6xf32>
  %1 = qcc.pad %x {pads = array<i64: 0, 0, 3, 0, 0, 0, 0, 1>, mode = #qcc.pad_mode<reflect>} : (tensor<1x8x4x4xf32>) -> tensor<1x8x7x5xf32>
  %2 = qcc.pad %x {pads = array<i64: 0, 0, 0, 2, 0, 0, 0, 3>, mode = #qcc.pad_mode<edge>} : (tensor<1x8x4x4xf32>) -> tensor<1x8x4x9xf32>
  %3 = qcc.pad %q {pads = array<i64: 0, -1, 0, -1>, mode = #qcc.pad_mode<constant>, value = 0.5 : f64} : (tensor<4x4x!qi8>) -> tensor<4x2x!qi8>
  %4 = qcc.pad %d {pads = array<i64: 2, 1, 0, 1>, value = -1.0 : f64} : (tensor<?x4xf32>) -> tensor<?x6xf32>
  return %0, %1, %2, %3, %4 : tensor<1x8x6x6xf32>, tensor<1x8x7x5xf32>, tensor<1x8x4x9xf32>, tensor<4x2x!qi8>, tensor<?x6xf32>
}

// wrap continues periodically from the other side, so its amounts may exceed
// the dimension.
// CHECK-LABEL: func.func @pad_wrap(
// CHECK: qcc.pad %arg0 {mode = #qcc.pad_mode<wrap>, pads = array<i64: 5, 0, 1, 2>} : (tensor<4x4xf32>) -> tensor<10x6xf32>
// GENERIC-LABEL: sym_name = "pad_wrap"
// GENERIC: "qcc.pad"(%{{.*}}) <{mode = #qcc.pad_mode<wrap>, pads = array<i64: 5, 0, 1, 2>, value = 0.000000e+00 : f64}>
func.func @pad_wrap(%x: tensor<4x4xf32>) -> tensor<10x6xf32> {
  %0 = qcc.pad %x {pads = array<i64: 5, 0, 1, 2>, mode = #qcc.pad_mode<wrap>} : (tensor<4x4xf32>) -> tensor<10x6xf32>
  return %0 : tensor<10x6xf32>
}

// An integer tensor is filled with an integral value.
// CHECK-LABEL: func.func @pad_integer(
// CHECK: qcc.pad %arg0 {pads = array<i64: 1, 1>, value = -1.280000e+02 : f64} : (tensor<4xi8>) -> tensor<6xi8>
// CHECK: qcc.pad %arg1 {pads = array<i64: 0, 2>, value = 2.550000e+02 : f64} : (tensor<4xui8>) -> tensor<6xui8>
func.func @pad_integer(%i: tensor<4xi8>, %u: tensor<4xui8>) -> (tensor<6xi8>, tensor<6xui8>) {
  %0 = qcc.pad %i {pads = array<i64: 1, 1>, value = -128.0 : f64} : (tensor<4xi8>) -> tensor<6xi8>
  %1 = qcc.pad %u {pads = array<i64: 0, 2>, value = 255.0 : f64} : (tensor<4xui8>) -> tensor<6xui8>
  return %0, %1 : tensor<6xi8>, tensor<6xui8>
}

// Every mode, coordinate transform and nearest mode; with and without scales.
// CHECK-LABEL: func.func @resize(
// CHECK: qcc.resize %arg0 : (tensor<1x8x4x4xf32>) -> tensor<1x8x8x8xf32>
// CHECK: qcc.resize %arg0 {coordinate_transform = #qcc.coordinate_transform<asymmetric>, nearest_mode = #qcc.nearest_mode<floor>, scales = array<f32: 1.000000e+00, 1.000000e+00, 2.000000e+00, 2.000000e+00>}
// CHECK-SAME: : (tensor<1x8x4x4xf32>) -> tensor<1x8x8x8xf32>
// CHECK: qcc.resize %arg0 {coordinate_transform = #qcc.coordinate_transform<align_corners>, mode = #qcc.resize_mode<linear>} : (tensor<1x8x4x4xf32>) -> tensor<1x8x6x6xf32>
// CHECK: qcc.resize %arg0 {coordinate_transform = #qcc.coordinate_transform<pytorch_half_pixel>, mode = #qcc.resize_mode<linear>, scales = array<f32: 1.000000e+00, 1.000000e+00, 5.000000e-01, 5.000000e-01>}
// CHECK-SAME: : (tensor<1x8x4x4xf32>) -> tensor<1x8x2x2xf32>
// CHECK: qcc.resize %arg1 {coordinate_transform = #qcc.coordinate_transform<half_pixel_symmetric>, nearest_mode = #qcc.nearest_mode<round_prefer_ceil>}
// CHECK-SAME: : (tensor<1x8x4x4x!quant.uniform<i8:f32, 1.000000e-01:-3>>) -> tensor<1x8x8x8x!quant.uniform<i8:f32, 5.000000e-02>>
// CHECK: qcc.resize %arg0 {nearest_mode = #qcc.nearest_mode<ceil>, scales = array<f32: 1.000000e+00, 1.000000e+00, 2.500000e+00, 2.500000e+00>}
// CHECK-SAME: : (tensor<1x8x4x4xf32>) -> tensor<1x8x10x10xf32>
// CHECK: qcc.resize %arg2 {mode = #qcc.resize_mode<linear>} : (tensor<?x8x?x?xf32>) -> tensor<?x8x?x?xf32>
// GENERIC-LABEL: sym_name = "resize"
// GENERIC: "qcc.resize"(%{{.*}}) <{coordinate_transform = #qcc.coordinate_transform<half_pixel>, extrapolation_value = 0.000000e+00 : f32, mode = #qcc.resize_mode<nearest>, nearest_mode = #qcc.nearest_mode<round_prefer_floor>}>
func.func @resize(%x: tensor<1x8x4x4xf32>, %q: tensor<1x8x4x4x!qi8>, %d: tensor<?x8x?x?xf32>) -> (tensor<1x8x8x8xf32>, tensor<1x8x8x8xf32>, tensor<1x8x6x6xf32>, tensor<1x8x2x2xf32>, tensor<1x8x8x8x!qi8b>, tensor<1x8x10x10xf32>, tensor<?x8x?x?xf32>) {
  %0 = qcc.resize %x : (tensor<1x8x4x4xf32>) -> tensor<1x8x8x8xf32>
  %1 = qcc.resize %x {mode = #qcc.resize_mode<nearest>, coordinate_transform = #qcc.coordinate_transform<asymmetric>, nearest_mode = #qcc.nearest_mode<floor>, scales = array<f32: 1.0, 1.0, 2.0, 2.0>} : (tensor<1x8x4x4xf32>) -> tensor<1x8x8x8xf32>
  %2 = qcc.resize %x {mode = #qcc.resize_mode<linear>, coordinate_transform = #qcc.coordinate_transform<align_corners>} : (tensor<1x8x4x4xf32>) -> tensor<1x8x6x6xf32>
  %3 = qcc.resize %x {mode = #qcc.resize_mode<linear>, coordinate_transform = #qcc.coordinate_transform<pytorch_half_pixel>, scales = array<f32: 1.0, 1.0, 0.5, 0.5>} : (tensor<1x8x4x4xf32>) -> tensor<1x8x2x2xf32>
  %4 = qcc.resize %q {coordinate_transform = #qcc.coordinate_transform<half_pixel_symmetric>, nearest_mode = #qcc.nearest_mode<round_prefer_ceil>} : (tensor<1x8x4x4x!qi8>) -> tensor<1x8x8x8x!qi8b>
  %5 = qcc.resize %x {nearest_mode = #qcc.nearest_mode<ceil>, coordinate_transform = #qcc.coordinate_transform<half_pixel>, scales = array<f32: 1.0, 1.0, 2.5, 2.5>} : (tensor<1x8x4x4xf32>) -> tensor<1x8x10x10xf32>
  %6 = qcc.resize %d {mode = #qcc.resize_mode<linear>} : (tensor<?x8x?x?xf32>) -> tensor<?x8x?x?xf32>
  return %0, %1, %2, %3, %4, %5, %6 : tensor<1x8x8x8xf32>, tensor<1x8x8x8xf32>, tensor<1x8x6x6xf32>, tensor<1x8x2x2xf32>, tensor<1x8x8x8x!qi8b>, tensor<1x8x10x10xf32>, tensor<?x8x?x?xf32>
}

// tf_crop_and_resize takes the region of interest (every start, then every
// end) and the value of samples outside the input (default 0); with scales,
// out = floor(in * (end - start) * scale).
// CHECK-LABEL: func.func @resize_tf_crop_and_resize(
// CHECK: qcc.resize %arg0 {coordinate_transform = #qcc.coordinate_transform<tf_crop_and_resize>, extrapolation_value = -1.000000e+00 : f32, mode = #qcc.resize_mode<linear>, roi = array<f32: 0.000000e+00, 0.000000e+00, 2.500000e-01, 2.500000e-01, 1.000000e+00, 1.000000e+00, 7.500000e-01, 7.500000e-01>}
// CHECK-SAME: : (tensor<1x3x8x8xf32>) -> tensor<1x3x5x5xf32>
// CHECK: qcc.resize %arg0 {coordinate_transform = #qcc.coordinate_transform<tf_crop_and_resize>, roi = array<f32: 0.000000e+00, 0.000000e+00, 2.500000e-01, 0.000000e+00, 1.000000e+00, 1.000000e+00, 7.500000e-01, 1.000000e+00>, scales = array<f32: 1.000000e+00, 1.000000e+00, 3.000000e+00, 2.000000e+00>}
// CHECK-SAME: : (tensor<1x3x8x8xf32>) -> tensor<1x3x12x16xf32>
// GENERIC-LABEL: sym_name = "resize_tf_crop_and_resize"
// GENERIC: "qcc.resize"(%{{.*}}) <{coordinate_transform = #qcc.coordinate_transform<tf_crop_and_resize>, extrapolation_value = -1.000000e+00 : f32,
// GENERIC: "qcc.resize"(%{{.*}}) <{coordinate_transform = #qcc.coordinate_transform<tf_crop_and_resize>, extrapolation_value = 0.000000e+00 : f32,
func.func @resize_tf_crop_and_resize(%x: tensor<1x3x8x8xf32>) -> (tensor<1x3x5x5xf32>, tensor<1x3x12x16xf32>) {
  %0 = qcc.resize %x {mode = #qcc.resize_mode<linear>, coordinate_transform = #qcc.coordinate_transform<tf_crop_and_resize>, roi = array<f32: 0.0, 0.0, 0.25, 0.25, 1.0, 1.0, 0.75, 0.75>, extrapolation_value = -1.0 : f32} : (tensor<1x3x8x8xf32>) -> tensor<1x3x5x5xf32>
  %1 = qcc.resize %x {coordinate_transform = #qcc.coordinate_transform<tf_crop_and_resize>, roi = array<f32: 0.0, 0.0, 0.25, 0.0, 1.0, 1.0, 0.75, 1.0>, scales = array<f32: 1.0, 1.0, 3.0, 2.0>, extrapolation_value = 0.0 : f32} : (tensor<1x3x8x8xf32>) -> tensor<1x3x12x16xf32>
  return %0, %1 : tensor<1x3x5x5xf32>, tensor<1x3x12x16xf32>
}

//===----------------------------------------------------------------------===//
// Quantization
//===----------------------------------------------------------------------===//

// Every rounding mode; i8, u8, i16, i4 and per-axis results; an f16
// expressed type.
// CHECK-LABEL: func.func @quantize(
// CHECK: qcc.quantize %arg0 : (tensor<1x8xf32>) -> tensor<1x8x!quant.uniform<i8:f32, 1.000000e-01:-3>>
// CHECK: qcc.quantize %arg0 {rounding = #qcc.rounding<half_away_from_zero>} : (tensor<1x8xf32>) -> tensor<1x8x!quant.uniform<u8:f32, 2.000000e-02:128>>
// CHECK: qcc.quantize %arg0 {rounding = #qcc.rounding<half_up>} : (tensor<1x8xf32>) -> tensor<1x8x!quant.uniform<i16:f32, 1.000000e-03>>
// CHECK: qcc.quantize %arg0 : (tensor<1x8xf32>) -> tensor<1x8x!quant.uniform<i4:f32, 5.000000e-01>>
// CHECK: qcc.quantize %arg1 : (tensor<2x3xf32>) -> tensor<2x3x!quant.uniform<i8:f32:0, {1.000000e-01,2.000000e-01}>>
// CHECK: qcc.quantize %arg2 : (tensor<?x4xf16>) -> tensor<?x4x!quant.uniform<i8:f16, 2.500000e-01:1>>
// GENERIC-LABEL: sym_name = "quantize"
// GENERIC: "qcc.quantize"(%{{.*}}) <{rounding = #qcc.rounding<half_to_even>}>
func.func @quantize(%x: tensor<1x8xf32>, %w: tensor<2x3xf32>, %h: tensor<?x4xf16>) -> (tensor<1x8x!qi8>, tensor<1x8x!qu8>, tensor<1x8x!qi16>, tensor<1x8x!qi4>, tensor<2x3x!qaxis0>, tensor<?x4x!quant.uniform<i8:f16, 0.25:1>>) {
  %0 = qcc.quantize %x : (tensor<1x8xf32>) -> tensor<1x8x!qi8>
  %1 = qcc.quantize %x {rounding = #qcc.rounding<half_away_from_zero>} : (tensor<1x8xf32>) -> tensor<1x8x!qu8>
  %2 = qcc.quantize %x {rounding = #qcc.rounding<half_up>} : (tensor<1x8xf32>) -> tensor<1x8x!qi16>
  %3 = qcc.quantize %x {rounding = #qcc.rounding<half_to_even>} : (tensor<1x8xf32>) -> tensor<1x8x!qi4>
  %4 = qcc.quantize %w : (tensor<2x3xf32>) -> tensor<2x3x!qaxis0>
  %5 = qcc.quantize %h : (tensor<?x4xf16>) -> tensor<?x4x!quant.uniform<i8:f16, 0.25:1>>
  return %0, %1, %2, %3, %4, %5 : tensor<1x8x!qi8>, tensor<1x8x!qu8>, tensor<1x8x!qi16>, tensor<1x8x!qi4>, tensor<2x3x!qaxis0>, tensor<?x4x!quant.uniform<i8:f16, 0.25:1>>
}

// CHECK-LABEL: func.func @dequantize(
// CHECK: qcc.dequantize %arg0 : (tensor<1x8x!quant.uniform<i8:f32, 1.000000e-01:-3>>) -> tensor<1x8xf32>
// CHECK: qcc.dequantize %arg1 : (tensor<2x3x!quant.uniform<i8:f32:0, {1.000000e-01,2.000000e-01}>>) -> tensor<2x3xf32>
func.func @dequantize(%q: tensor<1x8x!qi8>, %w: tensor<2x3x!qaxis0>) -> (tensor<1x8xf32>, tensor<2x3xf32>) {
  %0 = qcc.dequantize %q : (tensor<1x8x!qi8>) -> tensor<1x8xf32>
  %1 = qcc.dequantize %w : (tensor<2x3x!qaxis0>) -> tensor<2x3xf32>
  return %0, %1 : tensor<1x8xf32>, tensor<2x3xf32>
}

// CHECK-LABEL: func.func @requantize(
// CHECK: qcc.requantize %arg0 : (tensor<8x!quant.uniform<i32:f32, 5.000000e-03>>) -> tensor<8x!quant.uniform<i8:f32, 5.000000e-02>>
// CHECK: qcc.requantize %arg1 : (tensor<8x!quant.uniform<i8:f32, 1.000000e-01:-3>>) -> tensor<8x!quant.uniform<u8:f32, 2.000000e-02:128>>
// CHECK: qcc.requantize %arg2 : (tensor<2x3x!quant.uniform<i8:f32:0, {1.000000e-01,2.000000e-01}>>) -> tensor<2x3x!quant.uniform<i8:f32, 1.000000e-01:-3>>
func.func @requantize(%acc: tensor<8x!qi32>, %q: tensor<8x!qi8>, %w: tensor<2x3x!qaxis0>) -> (tensor<8x!qi8b>, tensor<8x!qu8>, tensor<2x3x!qi8>) {
  %0 = qcc.requantize %acc : (tensor<8x!qi32>) -> tensor<8x!qi8b>
  %1 = qcc.requantize %q : (tensor<8x!qi8>) -> tensor<8x!qu8>
  %2 = qcc.requantize %w : (tensor<2x3x!qaxis0>) -> tensor<2x3x!qi8>
  return %0, %1, %2 : tensor<8x!qi8b>, tensor<8x!qu8>, tensor<2x3x!qi8>
}

// The integer side is the storage type: signless for signed storage, uiN for
// unsigned storage; per tensor or per axis.
// CHECK-LABEL: func.func @storage_cast(
// CHECK: qcc.storage_cast %arg0 : (tensor<4xui8>) -> tensor<4x!quant.uniform<u8:f32, 2.000000e-02:128>>
// CHECK: qcc.storage_cast %arg1 : (tensor<4x!quant.uniform<i8:f32, 1.000000e-01:-3>>) -> tensor<4xi8>
// CHECK: qcc.storage_cast %arg2 : (tensor<2x?xi8>) -> tensor<2x?x!quant.uniform<i8:f32:0, {1.000000e-01,2.000000e-01}>>
// CHECK: qcc.storage_cast %arg3 : (tensor<3xi4>) -> tensor<3x!quant.uniform<i4:f32, 5.000000e-01>>
// CHECK: qcc.storage_cast %arg4 : (tensor<3x!quant.uniform<i32:f32, 5.000000e-03>>) -> tensor<3xi32>
func.func @storage_cast(%u: tensor<4xui8>, %q: tensor<4x!qi8>, %w: tensor<2x?xi8>, %n: tensor<3xi4>, %acc: tensor<3x!qi32>) -> (tensor<4x!qu8>, tensor<4xi8>, tensor<2x?x!qaxis0>, tensor<3x!qi4>, tensor<3xi32>) {
  %0 = qcc.storage_cast %u : (tensor<4xui8>) -> tensor<4x!qu8>
  %1 = qcc.storage_cast %q : (tensor<4x!qi8>) -> tensor<4xi8>
  %2 = qcc.storage_cast %w : (tensor<2x?xi8>) -> tensor<2x?x!qaxis0>
  %3 = qcc.storage_cast %n : (tensor<3xi4>) -> tensor<3x!qi4>
  %4 = qcc.storage_cast %acc : (tensor<3x!qi32>) -> tensor<3xi32>
  return %0, %1, %2, %3, %4 : tensor<4x!qu8>, tensor<4xi8>, tensor<2x?x!qaxis0>, tensor<3x!qi4>, tensor<3xi32>
}

// ui8 output, rank-0 scale of the input's float type and rank-0 ui8 zero
// point.
// CHECK-LABEL: func.func @dynamic_quantize(
// CHECK: %[[Y:.*]], %[[S:.*]], %[[ZP:.*]] = qcc.dynamic_quantize %arg0 : (tensor<6xf32>) -> (tensor<6xui8>, tensor<f32>, tensor<ui8>)
// CHECK: %[[Y2:.*]], %[[S2:.*]], %[[ZP2:.*]] = qcc.dynamic_quantize %arg1 : (tensor<?x3xf16>) -> (tensor<?x3xui8>, tensor<f16>, tensor<ui8>)
// CHECK: return %[[Y]], %[[S]], %[[ZP]], %[[Y2]], %[[S2]], %[[ZP2]] :
func.func @dynamic_quantize(%x: tensor<6xf32>, %h: tensor<?x3xf16>) -> (tensor<6xui8>, tensor<f32>, tensor<ui8>, tensor<?x3xui8>, tensor<f16>, tensor<ui8>) {
  %y, %scale, %zp = qcc.dynamic_quantize %x : (tensor<6xf32>) -> (tensor<6xui8>, tensor<f32>, tensor<ui8>)
  %0:3 = qcc.dynamic_quantize %h : (tensor<?x3xf16>) -> (tensor<?x3xui8>, tensor<f16>, tensor<ui8>)
  return %y, %scale, %zp, %0#0, %0#1, %0#2 : tensor<6xui8>, tensor<f32>, tensor<ui8>, tensor<?x3xui8>, tensor<f16>, tensor<ui8>
}

// A per-axis quantized dimension may follow dynamic dimensions, and a size-1
// quantized dimension may land on any size-1 dimension that holds it whole.
// CHECK-LABEL: func.func @per_axis_reshape_dynamic_and_unit
// CHECK: qcc.reshape %{{.*}} : (tensor<?x2x!quant.uniform<i8:f32:1, {1.000000e-01,2.000000e-01}>>) -> tensor<?x2x!quant.uniform<i8:f32:1, {1.000000e-01,2.000000e-01}>>
// CHECK: qcc.squeeze %{{.*}} {axes = array<i64: 1>} : (tensor<?x1x2x!quant.uniform<i8:f32:2, {1.000000e-01,2.000000e-01}>>) -> tensor<?x2x!quant.uniform<i8:f32:1, {1.000000e-01,2.000000e-01}>>
// CHECK: qcc.reshape %{{.*}} : (tensor<1x1x!quant.uniform<i8:f32:1, {1.000000e-01}>>) -> tensor<1x1x!quant.uniform<i8:f32:1, {1.000000e-01}>>
// CHECK: qcc.unsqueeze %{{.*}} {axes = array<i64: 1>} : (tensor<2x1x!quant.uniform<i8:f32:1, {1.000000e-01}>>) -> tensor<2x1x1x!quant.uniform<i8:f32:2, {1.000000e-01}>>
func.func @per_axis_reshape_dynamic_and_unit(%x: tensor<?x2x!quant.uniform<i8:f32:1, {0.1,0.2}>>, %y: tensor<?x1x2x!quant.uniform<i8:f32:2, {0.1,0.2}>>, %z: tensor<1x1x!quant.uniform<i8:f32:1, {0.1}>>, %w: tensor<2x1x!quant.uniform<i8:f32:1, {0.1}>>) {
  %0 = qcc.reshape %x : (tensor<?x2x!quant.uniform<i8:f32:1, {0.1,0.2}>>) -> tensor<?x2x!quant.uniform<i8:f32:1, {0.1,0.2}>>
  %1 = qcc.squeeze %y {axes = array<i64: 1>} : (tensor<?x1x2x!quant.uniform<i8:f32:2, {0.1,0.2}>>) -> tensor<?x2x!quant.uniform<i8:f32:1, {0.1,0.2}>>
  %2 = qcc.reshape %z : (tensor<1x1x!quant.uniform<i8:f32:1, {0.1}>>) -> tensor<1x1x!quant.uniform<i8:f32:1, {0.1}>>
  %3 = qcc.unsqueeze %w {axes = array<i64: 1>} : (tensor<2x1x!quant.uniform<i8:f32:1, {0.1}>>) -> tensor<2x1x1x!quant.uniform<i8:f32:2, {0.1}>>
  return
}
