// RUN: qcc-opt %s -split-input-file -verify-diagnostics

// Diagnostics of the qcc dialect: one invalid construct per case.

//===----------------------------------------------------------------------===//
// #qcc.range
//===----------------------------------------------------------------------===//

func.func @range_min_exceeds_max(%x: tensor<4xf32>) -> tensor<4xf32> {
  // expected-error @+1 {{range minimum 1.000000e+00 exceeds maximum 5.000000e-01}}
  %0 = qcc.relu %x {qcc.range = #qcc.range<1.0, 0.5>} : (tensor<4xf32>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

// 1.0e999 overflows to +infinity.
func.func @range_not_finite(%x: tensor<4xf32>) -> tensor<4xf32> {
  // expected-error @+1 {{range bounds must be finite}}
  %0 = qcc.relu %x {qcc.range = #qcc.range<0.0, 1.0e999>} : (tensor<4xf32>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

func.func @range_not_a_range_attr(%x: tensor<4xf32>) -> tensor<4xf32> {
  // expected-error @+1 {{'qcc.relu' op 'qcc.range' must be a #qcc.range attribute}}
  %0 = qcc.relu %x {qcc.range = [0.0, 1.0]} : (tensor<4xf32>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

// expected-error @+1 {{'func.func' op argument #0 of region #0: 'qcc.range' must be a #qcc.range attribute}}
func.func @range_on_argument_not_a_range_attr(%x: tensor<4xf32> {qcc.range = 1.0 : f32}) -> tensor<4xf32> {
  return %x : tensor<4xf32>
}

// -----

// expected-error @+1 {{'func.func' op result #0 of region #0: 'qcc.range' must be a #qcc.range attribute}}
func.func @range_on_result_not_a_range_attr(%x: tensor<4xf32>) -> (tensor<4xf32> {qcc.range = "0..1"}) {
  return %x : tensor<4xf32>
}

// -----

func.func @range_integer_literal(%x: tensor<4xf32>) -> tensor<4xf32> {
  // expected-error @+2 {{unexpected decimal integer literal for a floating point value}}
  // expected-note @+1 {{add a trailing dot to make the literal a float}}
  %0 = qcc.relu %x {qcc.range = #qcc.range<6, 0>} : (tensor<4xf32>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

//===----------------------------------------------------------------------===//
// #qcc.activation
//===----------------------------------------------------------------------===//

func.func @activation_unknown_kind(%x: tensor<4xf32>) -> tensor<4xf32> {
  // expected-error @+1 {{unknown activation 'swish'}}
  %0 = qcc.add %x, %x {fused_activation = #qcc.activation<swish>} : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

func.func @activation_clip_without_max(%x: tensor<4xf32>) -> tensor<4xf32> {
  // expected-error @+1 {{activation 'clip' needs parameter 'max'}}
  %0 = qcc.add %x, %x {fused_activation = #qcc.activation<clip, min = 0.0>} : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

func.func @activation_clip_min_exceeds_max(%x: tensor<4xf32>) -> tensor<4xf32> {
  // expected-error @+1 {{clip activation needs min <= max}}
  %0 = qcc.add %x, %x {fused_activation = #qcc.activation<clip, min = 6.0, max = 0.0>} : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

func.func @activation_clip_min_exceeds_max(%x: tensor<4xf32>) -> tensor<4xf32> {
  // expected-error @+1 {{clip activation needs min <= max}}
  %0 = qcc.add %x, %x {fused_activation = #qcc.activation<clip, min = 6.0, max = 0.0>} : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

func.func @activation_relu_with_parameter(%x: tensor<4xf32>) -> tensor<4xf32> {
  // expected-error @+1 {{activation 'relu' has no parameter 'alpha'}}
  %0 = qcc.add %x, %x {fused_activation = #qcc.activation<relu, alpha = 0.1>} : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

func.func @activation_parameter_twice(%x: tensor<4xf32>) -> tensor<4xf32> {
  // expected-error @+1 {{parameter 'alpha' given twice}}
  %0 = qcc.add %x, %x {fused_activation = #qcc.activation<leaky_relu, alpha = 0.1, alpha = 0.2>} : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

// 1.0e999 overflows to +infinity.
func.func @activation_leaky_relu_infinite_alpha(%x: tensor<4xf32>) -> tensor<4xf32> {
  // expected-error @+1 {{leaky_relu activation needs a finite alpha}}
  %0 = qcc.add %x, %x {fused_activation = #qcc.activation<leaky_relu, alpha = 1.0e999>} : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

//===----------------------------------------------------------------------===//
// Discardable qcc.* attributes and enum attributes
//===----------------------------------------------------------------------===//

func.func @unknown_qcc_attribute(%x: tensor<4xf32>) -> tensor<4xf32> {
  // expected-error @+1 {{'qcc.relu' op unknown qcc attribute 'qcc.scale'}}
  %0 = qcc.relu %x {qcc.scale = 0.5 : f32} : (tensor<4xf32>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

// expected-error @+1 {{'func.func' op argument #0 of region #0: unknown qcc attribute 'qcc.scale' on an argument}}
func.func @unknown_qcc_argument_attribute(%x: tensor<4xf32> {qcc.scale = 0.5 : f32}) -> tensor<4xf32> {
  return %x : tensor<4xf32>
}

// -----

// Result attributes are verified too.
// expected-error @+1 {{'func.func' op result #1 of region #0: unknown qcc attribute 'qcc.scale'}}
func.func @unknown_qcc_result_attribute(%x: tensor<4xf32>) -> (tensor<4xf32>, tensor<4xf32> {qcc.scale = 0.5 : f32}) {
  return %x, %x : tensor<4xf32>, tensor<4xf32>
}

// -----

// qcc.bit_width belongs on ops, not on arguments.
// expected-error @+1 {{'func.func' op argument #0 of region #0: 'qcc.bit_width' belongs on the op that produces a value, not on an argument or result}}
func.func @bit_width_on_argument(%x: tensor<4xf32> {qcc.bit_width = 8 : i64}) -> tensor<4xf32> {
  return %x : tensor<4xf32>
}

// -----

// expected-error @+1 {{'func.func' op result #0 of region #0: 'qcc.bit_width' belongs on the op that produces a value, not on an argument or result}}
func.func @bit_width_on_result(%x: tensor<4xf32>) -> (tensor<4xf32> {qcc.bit_width = 8 : i64}) {
  return %x : tensor<4xf32>
}

// -----

func.func @bit_width_5(%x: tensor<4xf32>) -> tensor<4xf32> {
  // expected-error @+1 {{'qcc.relu' op 'qcc.bit_width' must be a signless integer of value 4, 8 or 16}}
  %0 = qcc.relu %x {qcc.bit_width = 5 : i64} : (tensor<4xf32>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

func.func @weight_bits_16(%x: tensor<1x2xf32>, %w: tensor<1x2xf32>) -> tensor<1x1xf32> {
  // expected-error @+1 {{'qcc.fully_connected' op 'qcc.weight_bits' must be a signless integer of value 4 or 8}}
  %0 = qcc.fully_connected %x, %w {qcc.weight_bits = 16 : i64} : (tensor<1x2xf32>, tensor<1x2xf32>) -> tensor<1x1xf32>
  return %0 : tensor<1x1xf32>
}

// -----

// expected-error @+1 {{'func.func' op argument #0 of region #0: 'qcc.weight_bits' belongs on the op that reads the weights, not on an argument or result}}
func.func @weight_bits_on_argument(%x: tensor<4xf32> {qcc.weight_bits = 4 : i64}) -> tensor<4xf32> {
  return %x : tensor<4xf32>
}

// -----

func.func @bit_width_not_an_integer(%x: tensor<4xf32>) -> tensor<4xf32> {
  // expected-error @+1 {{'qcc.relu' op 'qcc.bit_width' must be a signless integer of value 4, 8 or 16}}
  %0 = qcc.relu %x {qcc.bit_width = "8"} : (tensor<4xf32>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

func.func @bit_width_unsigned(%x: tensor<4xf32>) -> tensor<4xf32> {
  // expected-error @+1 {{'qcc.relu' op 'qcc.bit_width' must be a signless integer of value 4, 8 or 16}}
  %0 = qcc.relu %x {qcc.bit_width = 8 : ui64} : (tensor<4xf32>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

func.func @name_not_a_string(%x: tensor<4xf32>) -> tensor<4xf32> {
  // expected-error @+1 {{'qcc.relu' op 'qcc.name' must be a string attribute}}
  %0 = qcc.relu %x {qcc.name = @relu1} : (tensor<4xf32>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

// expected-error @+1 {{'func.func' op argument #0 of region #0: 'qcc.name' must be a string attribute}}
func.func @name_on_argument_not_a_string(%x: tensor<4xf32> {qcc.name = 0 : i64}) -> tensor<4xf32> {
  return %x : tensor<4xf32>
}

// -----

// expected-error @+1 {{'func.func' op result #0 of region #0: 'qcc.name' must be a string attribute}}
func.func @name_on_result_not_a_string(%x: tensor<4xf32>) -> (tensor<4xf32> {qcc.name = ["y"]}) {
  return %x : tensor<4xf32>
}

// -----

func.func @pad_mode_unknown(%x: tensor<4xf32>) -> tensor<6xf32> {
  // expected-error @+2 {{expected ::qcc::PadMode to be one of: constant, reflect, edge, wrap}}
  // expected-error @+1 {{failed to parse Qcc_PadModeAttr parameter 'value'}}
  %0 = qcc.pad %x {pads = array<i64: 1, 1>, mode = #qcc.pad_mode<circular>} : (tensor<4xf32>) -> tensor<6xf32>
  return %0 : tensor<6xf32>
}

// -----

func.func @coordinate_transform_unknown(%x: tensor<1x8x4x4xf32>) -> tensor<1x8x8x8xf32> {
  // expected-error @+2 {{expected ::qcc::CoordinateTransform to be one of: half_pixel, half_pixel_symmetric, pytorch_half_pixel, align_corners, asymmetric, tf_crop_and_resize}}
  // expected-error @+1 {{failed to parse Qcc_CoordinateTransformAttr parameter 'value'}}
  %0 = qcc.resize %x {coordinate_transform = #qcc.coordinate_transform<crop_and_resize>} : (tensor<1x8x4x4xf32>) -> tensor<1x8x8x8xf32>
  return %0 : tensor<1x8x8x8xf32>
}

// -----

func.func @rounding_unknown(%x: tensor<4xf32>) -> tensor<4x!quant.uniform<i8:f32, 0.1>> {
  // expected-error @+2 {{expected ::qcc::RoundingMode to be one of: half_to_even, half_away_from_zero, half_up}}
  // expected-error @+1 {{failed to parse Qcc_RoundingModeAttr parameter 'value'}}
  %0 = qcc.quantize %x {rounding = #qcc.rounding<toward_zero>} : (tensor<4xf32>) -> tensor<4x!quant.uniform<i8:f32, 0.1>>
  return %0 : tensor<4x!quant.uniform<i8:f32, 0.1>>
}

// -----

func.func @unranked_tensor(%x: tensor<*xf32>) -> tensor<*xf32> {
  // expected-error @+1 {{'qcc.relu' op operand #0 must be ranked tensor of float, integer or uniform quantized values, but got 'tensor<*xf32>'}}
  %0 = qcc.relu %x : (tensor<*xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

//===----------------------------------------------------------------------===//
// Per-axis quantized types (checked on every op)
//===----------------------------------------------------------------------===//

func.func @per_axis_axis_out_of_range(%x: tensor<4xf32>) -> tensor<4x!quant.uniform<i8:f32:1, {0.1, 0.2}>> {
  // expected-error @+1 {{'qcc.quantize' op result #0 is quantized along axis 1 but has rank 1}}
  %0 = qcc.quantize %x : (tensor<4xf32>) -> tensor<4x!quant.uniform<i8:f32:1, {0.1, 0.2}>>
  return %0 : tensor<4x!quant.uniform<i8:f32:1, {0.1, 0.2}>>
}

// -----

func.func @per_axis_scale_count(%x: tensor<2x3xf32>) -> tensor<2x3x!quant.uniform<i8:f32:1, {0.1, 0.2}>> {
  // expected-error @+1 {{'qcc.quantize' op result #0 has 2 quantization scales for axis 1 of size 3}}
  %0 = qcc.quantize %x : (tensor<2x3xf32>) -> tensor<2x3x!quant.uniform<i8:f32:1, {0.1, 0.2}>>
  return %0 : tensor<2x3x!quant.uniform<i8:f32:1, {0.1, 0.2}>>
}

// -----

func.func @per_axis_scale_count_operand(%x: tensor<2x3x!quant.uniform<i8:f32:1, {0.1, 0.2, 0.3}>>) -> tensor<2x3x!quant.uniform<i8:f32:0, {0.1, 0.2, 0.3}>> {
  // expected-error @+1 {{'qcc.relu' op result #0 has 3 quantization scales for axis 0 of size 2}}
  %0 = qcc.relu %x : (tensor<2x3x!quant.uniform<i8:f32:1, {0.1, 0.2, 0.3}>>) -> tensor<2x3x!quant.uniform<i8:f32:0, {0.1, 0.2, 0.3}>>
  return %0 : tensor<2x3x!quant.uniform<i8:f32:0, {0.1, 0.2, 0.3}>>
}

// -----

//===----------------------------------------------------------------------===//
// qcc.constant
//===----------------------------------------------------------------------===//

func.func @constant_shape_mismatch() -> tensor<3xf32> {
  // expected-error @+1 {{'qcc.constant' op value of type 'tensor<2xf32>' cannot initialize a result of type 'tensor<3xf32>'}}
  %0 = qcc.constant dense<[1.0, 2.0]> : tensor<2xf32> -> tensor<3xf32>
  return %0 : tensor<3xf32>
}

// -----

func.func @constant_dynamic_result() -> tensor<?xf32> {
  // expected-error @+1 {{value of type 'tensor<2xf32>' cannot initialize a result of type 'tensor<?xf32>'}}
  %0 = qcc.constant dense<[1.0, 2.0]> : tensor<2xf32> -> tensor<?xf32>
  return %0 : tensor<?xf32>
}

// -----

func.func @constant_element_type_mismatch() -> tensor<2xf16> {
  // expected-error @+1 {{value of type 'tensor<2xf32>' cannot initialize a result of type 'tensor<2xf16>'}}
  %0 = qcc.constant dense<[1.0, 2.0]> : tensor<2xf32> -> tensor<2xf16>
  return %0 : tensor<2xf16>
}

// -----

func.func @constant_wrong_storage_width() -> tensor<2x!quant.uniform<i8:f32, 0.1>> {
  // expected-error @+1 {{value of type 'tensor<2xi16>' cannot initialize a result of type 'tensor<2x!quant.uniform<i8:f32, 1.000000e-01>>'}}
  %0 = qcc.constant dense<[1, 2]> : tensor<2xi16> -> tensor<2x!quant.uniform<i8:f32, 0.1>>
  return %0 : tensor<2x!quant.uniform<i8:f32, 0.1>>
}

// -----

func.func @constant_float_value_for_quantized() -> tensor<2x!quant.uniform<i8:f32, 0.1>> {
  // expected-error @+1 {{value of type 'tensor<2xf32>' cannot initialize a result of type 'tensor<2x!quant.uniform<i8:f32, 1.000000e-01>>'}}
  %0 = qcc.constant dense<[1.0, 2.0]> : tensor<2xf32> -> tensor<2x!quant.uniform<i8:f32, 0.1>>
  return %0 : tensor<2x!quant.uniform<i8:f32, 0.1>>
}

// -----

// u8 storage is held as ui8, not i8.
func.func @constant_unsigned_storage_from_signless() -> tensor<2x!quant.uniform<u8:f32, 0.1:128>> {
  // expected-error @+1 {{'qcc.constant' op value of type 'tensor<2xi8>' cannot initialize a result of type 'tensor<2x!quant.uniform<u8:f32, 1.000000e-01:128>>' (shapes must match; a quantized result needs its storage type: iN for signed, uiN for unsigned storage)}}
  %0 = qcc.constant dense<[1, 2]> : tensor<2xi8> -> tensor<2x!quant.uniform<u8:f32, 0.1:128>>
  return %0 : tensor<2x!quant.uniform<u8:f32, 0.1:128>>
}

// -----

func.func @constant_signed_storage_from_unsigned() -> tensor<2x!quant.uniform<i8:f32, 0.1>> {
  // expected-error @+1 {{'qcc.constant' op value of type 'tensor<2xui8>' cannot initialize a result of type 'tensor<2x!quant.uniform<i8:f32, 1.000000e-01>>'}}
  %0 = qcc.constant dense<[1, 2]> : tensor<2xui8> -> tensor<2x!quant.uniform<i8:f32, 0.1>>
  return %0 : tensor<2x!quant.uniform<i8:f32, 0.1>>
}

// -----

func.func @constant_signed_storage_from_si8() -> tensor<2x!quant.uniform<i8:f32, 0.1>> {
  // expected-error @+1 {{'qcc.constant' op value of type 'tensor<2xsi8>' cannot initialize a result of type 'tensor<2x!quant.uniform<i8:f32, 1.000000e-01>>'}}
  %0 = qcc.constant dense<[1, 2]> : tensor<2xsi8> -> tensor<2x!quant.uniform<i8:f32, 0.1>>
  return %0 : tensor<2x!quant.uniform<i8:f32, 0.1>>
}

// -----

func.func @constant_not_a_tensor() -> tensor<f32> {
  // expected-error @+1 {{custom op 'qcc.constant' expected a tensor value}}
  %0 = qcc.constant 1.0 : f32
  return %0 : tensor<f32>
}

// -----

func.func @constant_index_elements() -> tensor<2xindex> {
  // expected-error @+1 {{'qcc.constant' op result #0 must be ranked tensor of float, integer or uniform quantized values, but got 'tensor<2xindex>'}}
  %0 = qcc.constant dense<[1, 2]> : tensor<2xindex>
  return %0 : tensor<2xindex>
}

// -----

//===----------------------------------------------------------------------===//
// qcc.conv2d
//===----------------------------------------------------------------------===//

func.func @conv2d_input_rank(%x: tensor<1x3x8xf32>, %w: tensor<4x3x3x3xf32>) -> tensor<1x4x6x6xf32> {
  // expected-error @+1 {{'qcc.conv2d' op expects input of rank 4, got rank 3}}
  %0 = qcc.conv2d %x, %w : (tensor<1x3x8xf32>, tensor<4x3x3x3xf32>) -> tensor<1x4x6x6xf32>
  return %0 : tensor<1x4x6x6xf32>
}

// -----

func.func @conv2d_zero_stride(%x: tensor<1x3x8x8xf32>, %w: tensor<4x3x3x3xf32>) -> tensor<1x4x6x6xf32> {
  // expected-error @+1 {{'qcc.conv2d' op expects positive strides}}
  %0 = qcc.conv2d %x, %w {strides = array<i64: 0, 1>} : (tensor<1x3x8x8xf32>, tensor<4x3x3x3xf32>) -> tensor<1x4x6x6xf32>
  return %0 : tensor<1x4x6x6xf32>
}

// -----

func.func @conv2d_negative_stride(%x: tensor<1x3x8x8xf32>, %w: tensor<4x3x3x3xf32>) -> tensor<1x4x6x6xf32> {
  // expected-error @+1 {{'qcc.conv2d' op expects positive strides}}
  %0 = qcc.conv2d %x, %w {strides = array<i64: 1, -2>} : (tensor<1x3x8x8xf32>, tensor<4x3x3x3xf32>) -> tensor<1x4x6x6xf32>
  return %0 : tensor<1x4x6x6xf32>
}

// -----

func.func @conv2d_zero_dilation(%x: tensor<1x3x8x8xf32>, %w: tensor<4x3x3x3xf32>) -> tensor<1x4x6x6xf32> {
  // expected-error @+1 {{'qcc.conv2d' op expects positive dilations}}
  %0 = qcc.conv2d %x, %w {dilations = array<i64: 1, 0>} : (tensor<1x3x8x8xf32>, tensor<4x3x3x3xf32>) -> tensor<1x4x6x6xf32>
  return %0 : tensor<1x4x6x6xf32>
}

// -----

func.func @conv2d_negative_pad(%x: tensor<1x3x8x8xf32>, %w: tensor<4x3x3x3xf32>) -> tensor<1x4x6x6xf32> {
  // expected-error @+1 {{'qcc.conv2d' op expects non-negative pads}}
  %0 = qcc.conv2d %x, %w {pads = array<i64: 0, 0, -1, 0>} : (tensor<1x3x8x8xf32>, tensor<4x3x3x3xf32>) -> tensor<1x4x6x6xf32>
  return %0 : tensor<1x4x6x6xf32>
}

// -----

func.func @conv2d_three_strides(%x: tensor<1x3x8x8xf32>, %w: tensor<4x3x3x3xf32>) -> tensor<1x4x6x6xf32> {
  // expected-error @+1 {{attribute 'strides' failed to satisfy constraint: i64 dense array attribute with exactly 2 elements}}
  %0 = qcc.conv2d %x, %w {strides = array<i64: 1, 1, 1>} : (tensor<1x3x8x8xf32>, tensor<4x3x3x3xf32>) -> tensor<1x4x6x6xf32>
  return %0 : tensor<1x4x6x6xf32>
}

// -----

func.func @conv2d_zero_groups(%x: tensor<1x3x8x8xf32>, %w: tensor<4x3x3x3xf32>) -> tensor<1x4x6x6xf32> {
  // expected-error @+1 {{attribute 'groups' failed to satisfy constraint: 64-bit signless integer attribute whose value is positive}}
  %0 = qcc.conv2d %x, %w {groups = 0 : i64} : (tensor<1x3x8x8xf32>, tensor<4x3x3x3xf32>) -> tensor<1x4x6x6xf32>
  return %0 : tensor<1x4x6x6xf32>
}

// -----

func.func @conv2d_input_channels_not_divisible(%x: tensor<1x3x8x8xf32>, %w: tensor<4x1x3x3xf32>) -> tensor<1x4x6x6xf32> {
  // expected-error @+1 {{'qcc.conv2d' op input channels (3) are not divisible by groups (2)}}
  %0 = qcc.conv2d %x, %w {groups = 2 : i64} : (tensor<1x3x8x8xf32>, tensor<4x1x3x3xf32>) -> tensor<1x4x6x6xf32>
  return %0 : tensor<1x4x6x6xf32>
}

// -----

func.func @conv2d_weight_channels_per_group(%x: tensor<1x4x8x8xf32>, %w: tensor<4x4x3x3xf32>) -> tensor<1x4x6x6xf32> {
  // expected-error @+1 {{'qcc.conv2d' op weight has 4 input channels per group, expected 2}}
  %0 = qcc.conv2d %x, %w {groups = 2 : i64} : (tensor<1x4x8x8xf32>, tensor<4x4x3x3xf32>) -> tensor<1x4x6x6xf32>
  return %0 : tensor<1x4x6x6xf32>
}

// -----

func.func @conv2d_output_channels_not_divisible(%x: tensor<1x4x8x8xf32>, %w: tensor<3x2x3x3xf32>) -> tensor<1x3x6x6xf32> {
  // expected-error @+1 {{'qcc.conv2d' op output channels (3) are not divisible by groups (2)}}
  %0 = qcc.conv2d %x, %w {groups = 2 : i64} : (tensor<1x4x8x8xf32>, tensor<3x2x3x3xf32>) -> tensor<1x3x6x6xf32>
  return %0 : tensor<1x3x6x6xf32>
}

// -----

func.func @conv2d_bias_shape(%x: tensor<1x3x8x8xf32>, %w: tensor<4x3x3x3xf32>, %b: tensor<3xf32>) -> tensor<1x4x6x6xf32> {
  // expected-error @+1 {{'qcc.conv2d' op expects bias of shape 4, got 3}}
  %0 = qcc.conv2d %x, %w, %b : (tensor<1x3x8x8xf32>, tensor<4x3x3x3xf32>, tensor<3xf32>) -> tensor<1x4x6x6xf32>
  return %0 : tensor<1x4x6x6xf32>
}

// -----

func.func @conv2d_result_shape(%x: tensor<1x3x8x8xf32>, %w: tensor<4x3x3x3xf32>) -> tensor<1x4x8x8xf32> {
  // expected-error @+1 {{'qcc.conv2d' op result shape 1x4x8x8 should be 1x4x6x6}}
  %0 = qcc.conv2d %x, %w : (tensor<1x3x8x8xf32>, tensor<4x3x3x3xf32>) -> tensor<1x4x8x8xf32>
  return %0 : tensor<1x4x8x8xf32>
}

// -----

func.func @conv2d_window_too_large(%x: tensor<1x3x4x4xf32>, %w: tensor<4x3x3x3xf32>) -> tensor<1x4x1x1xf32> {
  // expected-error @+1 {{'qcc.conv2d' op window of size 3 (dilation 2) does not fit spatial dimension 0 of size 4 with pads 0, 0}}
  %0 = qcc.conv2d %x, %w {dilations = array<i64: 2, 2>} : (tensor<1x3x4x4xf32>, tensor<4x3x3x3xf32>) -> tensor<1x4x1x1xf32>
  return %0 : tensor<1x4x1x1xf32>
}

// -----

func.func @conv2d_mixed_float_types(%x: tensor<1x3x8x8xf32>, %w: tensor<4x3x3x3xf16>) -> tensor<1x4x6x6xf32> {
  // expected-error @+1 {{'qcc.conv2d' op expects float operands and result of one type}}
  %0 = qcc.conv2d %x, %w : (tensor<1x3x8x8xf32>, tensor<4x3x3x3xf16>) -> tensor<1x4x6x6xf32>
  return %0 : tensor<1x4x6x6xf32>
}

// -----

func.func @conv2d_mixed_float_bias(%x: tensor<1x3x8x8xf32>, %w: tensor<4x3x3x3xf32>, %b: tensor<4xf16>) -> tensor<1x4x6x6xf32> {
  // expected-error @+1 {{'qcc.conv2d' op expects float operands, bias and result of one type}}
  %0 = qcc.conv2d %x, %w, %b : (tensor<1x3x8x8xf32>, tensor<4x3x3x3xf32>, tensor<4xf16>) -> tensor<1x4x6x6xf32>
  return %0 : tensor<1x4x6x6xf32>
}

// -----

func.func @conv2d_empty_kernel(%x: tensor<1x3x8x8xf32>, %w: tensor<4x3x0x3xf32>) -> tensor<1x4x9x6xf32> {
  // expected-error @+1 {{'qcc.conv2d' op expects a non-empty kernel}}
  %0 = qcc.conv2d %x, %w : (tensor<1x3x8x8xf32>, tensor<4x3x0x3xf32>) -> tensor<1x4x9x6xf32>
  return %0 : tensor<1x4x9x6xf32>
}

// -----

func.func @conv2d_quantized_input_float_weight(%x: tensor<1x3x8x8x!quant.uniform<i8:f32, 0.1>>, %w: tensor<4x3x3x3xf32>) -> tensor<1x4x6x6xi32> {
  // expected-error @+1 {{'qcc.conv2d' op expects a quantized weight for a quantized input}}
  %0 = qcc.conv2d %x, %w : (tensor<1x3x8x8x!quant.uniform<i8:f32, 0.1>>, tensor<4x3x3x3xf32>) -> tensor<1x4x6x6xi32>
  return %0 : tensor<1x4x6x6xi32>
}

// -----

func.func @conv2d_per_axis_input(%x: tensor<1x2x8x8x!quant.uniform<i8:f32:1, {0.1, 0.2}>>, %w: tensor<4x2x3x3x!quant.uniform<i8:f32, 0.1>>) -> tensor<1x4x6x6xi32> {
  // expected-error @+1 {{'qcc.conv2d' op expects a per-tensor quantized input}}
  %0 = qcc.conv2d %x, %w : (tensor<1x2x8x8x!quant.uniform<i8:f32:1, {0.1, 0.2}>>, tensor<4x2x3x3x!quant.uniform<i8:f32, 0.1>>) -> tensor<1x4x6x6xi32>
  return %0 : tensor<1x4x6x6xi32>
}

// -----

func.func @conv2d_weight_expressed_type(%x: tensor<1x3x8x8x!quant.uniform<i8:f32, 0.1>>, %w: tensor<4x3x3x3x!quant.uniform<i8:f16, 0.1>>) -> tensor<1x4x6x6xi32> {
  // expected-error @+1 {{'qcc.conv2d' op expects quantized types of one expressed type, got 'f32' and 'f16'}}
  %0 = qcc.conv2d %x, %w : (tensor<1x3x8x8x!quant.uniform<i8:f32, 0.1>>, tensor<4x3x3x3x!quant.uniform<i8:f16, 0.1>>) -> tensor<1x4x6x6xi32>
  return %0 : tensor<1x4x6x6xi32>
}

// -----

func.func @conv2d_weight_per_axis_wrong_axis(%x: tensor<1x3x8x8x!quant.uniform<i8:f32, 0.1>>, %w: tensor<4x3x3x3x!quant.uniform<i8:f32:1, {0.1, 0.2, 0.3}>>) -> tensor<1x4x6x6xi32> {
  // expected-error @+1 {{'qcc.conv2d' op expects the weight quantized per tensor or along axis 0, got axis 1}}
  %0 = qcc.conv2d %x, %w : (tensor<1x3x8x8x!quant.uniform<i8:f32, 0.1>>, tensor<4x3x3x3x!quant.uniform<i8:f32:1, {0.1, 0.2, 0.3}>>) -> tensor<1x4x6x6xi32>
  return %0 : tensor<1x4x6x6xi32>
}

// -----

func.func @conv2d_weight_per_axis_scale_count(%x: tensor<1x3x8x8x!quant.uniform<i8:f32, 0.1>>, %w: tensor<4x3x3x3x!quant.uniform<i8:f32:0, {0.1, 0.2}>>) -> tensor<1x4x6x6xi32> {
  // expected-error @+1 {{'qcc.conv2d' op operand #1 has 2 quantization scales for axis 0 of size 4}}
  %0 = qcc.conv2d %x, %w : (tensor<1x3x8x8x!quant.uniform<i8:f32, 0.1>>, tensor<4x3x3x3x!quant.uniform<i8:f32:0, {0.1, 0.2}>>) -> tensor<1x4x6x6xi32>
  return %0 : tensor<1x4x6x6xi32>
}

// -----

func.func @conv2d_quantized_float_result(%x: tensor<1x3x8x8x!quant.uniform<i8:f32, 0.1>>, %w: tensor<4x3x3x3x!quant.uniform<i8:f32, 0.1>>) -> tensor<1x4x6x6xf32> {
  // expected-error @+1 {{'qcc.conv2d' op expects a quantized or i32 result for a quantized input}}
  %0 = qcc.conv2d %x, %w : (tensor<1x3x8x8x!quant.uniform<i8:f32, 0.1>>, tensor<4x3x3x3x!quant.uniform<i8:f32, 0.1>>) -> tensor<1x4x6x6xf32>
  return %0 : tensor<1x4x6x6xf32>
}

// -----

func.func @conv2d_quantized_8bit_bias(%x: tensor<1x3x8x8x!quant.uniform<i8:f32, 0.1>>, %w: tensor<4x3x3x3x!quant.uniform<i8:f32, 0.1>>, %b: tensor<4x!quant.uniform<i8:f32, 0.1>>) -> tensor<1x4x6x6xi32> {
  // expected-error @+1 {{'qcc.conv2d' op expects an i32 or 32-bit quantized bias for a quantized input}}
  %0 = qcc.conv2d %x, %w, %b : (tensor<1x3x8x8x!quant.uniform<i8:f32, 0.1>>, tensor<4x3x3x3x!quant.uniform<i8:f32, 0.1>>, tensor<4x!quant.uniform<i8:f32, 0.1>>) -> tensor<1x4x6x6xi32>
  return %0 : tensor<1x4x6x6xi32>
}

// -----

func.func @conv2d_integer_i8_result(%x: tensor<1x3x8x8xi8>, %w: tensor<4x3x3x3xi8>) -> tensor<1x4x6x6xi8> {
  // expected-error @+1 {{'qcc.conv2d' op expects integer input and weight with i32 result}}
  %0 = qcc.conv2d %x, %w : (tensor<1x3x8x8xi8>, tensor<4x3x3x3xi8>) -> tensor<1x4x6x6xi8>
  return %0 : tensor<1x4x6x6xi8>
}

// -----

func.func @conv2d_integer_i8_bias(%x: tensor<1x3x8x8xi8>, %w: tensor<4x3x3x3xi8>, %b: tensor<4xi8>) -> tensor<1x4x6x6xi32> {
  // expected-error @+1 {{'qcc.conv2d' op expects integer input and weight with i32 bias and result}}
  %0 = qcc.conv2d %x, %w, %b : (tensor<1x3x8x8xi8>, tensor<4x3x3x3xi8>, tensor<4xi8>) -> tensor<1x4x6x6xi32>
  return %0 : tensor<1x4x6x6xi32>
}

// -----

//===----------------------------------------------------------------------===//
// qcc.conv_transpose2d
//===----------------------------------------------------------------------===//

func.func @conv_transpose2d_output_padding(%x: tensor<1x8x4x4xf32>, %w: tensor<8x4x3x3xf32>) -> tensor<1x4x11x11xf32> {
  // expected-error @+1 {{'qcc.conv_transpose2d' op output_padding 2 must be in [0, max(stride, dilation))}}
  %0 = qcc.conv_transpose2d %x, %w {strides = array<i64: 2, 2>, output_padding = array<i64: 2, 2>} : (tensor<1x8x4x4xf32>, tensor<8x4x3x3xf32>) -> tensor<1x4x11x11xf32>
  return %0 : tensor<1x4x11x11xf32>
}

// -----

func.func @conv_transpose2d_weight_channels(%x: tensor<1x8x4x4xf32>, %w: tensor<4x4x3x3xf32>) -> tensor<1x4x6x6xf32> {
  // expected-error @+1 {{'qcc.conv_transpose2d' op weight has 4 input channels, expected 8}}
  %0 = qcc.conv_transpose2d %x, %w : (tensor<1x8x4x4xf32>, tensor<4x4x3x3xf32>) -> tensor<1x4x6x6xf32>
  return %0 : tensor<1x4x6x6xf32>
}

// -----

func.func @conv_transpose2d_groups(%x: tensor<1x3x4x4xf32>, %w: tensor<3x4x3x3xf32>) -> tensor<1x8x6x6xf32> {
  // expected-error @+1 {{'qcc.conv_transpose2d' op input channels (3) are not divisible by groups (2)}}
  %0 = qcc.conv_transpose2d %x, %w {groups = 2 : i64} : (tensor<1x3x4x4xf32>, tensor<3x4x3x3xf32>) -> tensor<1x8x6x6xf32>
  return %0 : tensor<1x8x6x6xf32>
}

// -----

func.func @conv_transpose2d_bias_shape(%x: tensor<1x8x4x4xf32>, %w: tensor<8x4x3x3xf32>, %b: tensor<8xf32>) -> tensor<1x4x6x6xf32> {
  // expected-error @+1 {{'qcc.conv_transpose2d' op expects bias of shape 4, got 8}}
  %0 = qcc.conv_transpose2d %x, %w, %b : (tensor<1x8x4x4xf32>, tensor<8x4x3x3xf32>, tensor<8xf32>) -> tensor<1x4x6x6xf32>
  return %0 : tensor<1x4x6x6xf32>
}

// -----

func.func @conv_transpose2d_pads_leave_nothing(%x: tensor<1x8x1x1xf32>, %w: tensor<8x4x1x1xf32>) -> tensor<1x4x1x1xf32> {
  // expected-error @+1 {{'qcc.conv_transpose2d' op pads leave no output along spatial dimension 0}}
  %0 = qcc.conv_transpose2d %x, %w {pads = array<i64: 1, 0, 0, 0>} : (tensor<1x8x1x1xf32>, tensor<8x4x1x1xf32>) -> tensor<1x4x1x1xf32>
  return %0 : tensor<1x4x1x1xf32>
}

// -----

func.func @conv_transpose2d_result_shape(%x: tensor<1x8x4x4xf32>, %w: tensor<8x4x3x3xf32>) -> tensor<1x8x6x6xf32> {
  // expected-error @+1 {{'qcc.conv_transpose2d' op result shape 1x8x6x6 should be 1x4x6x6}}
  %0 = qcc.conv_transpose2d %x, %w : (tensor<1x8x4x4xf32>, tensor<8x4x3x3xf32>) -> tensor<1x8x6x6xf32>
  return %0 : tensor<1x8x6x6xf32>
}

// -----

func.func @conv_transpose2d_weight_per_axis_wrong_axis(%x: tensor<1x2x4x4x!quant.uniform<i8:f32, 0.1>>, %w: tensor<2x4x3x3x!quant.uniform<i8:f32:0, {0.1, 0.2}>>) -> tensor<1x4x6x6xi32> {
  // expected-error @+1 {{'qcc.conv_transpose2d' op expects the weight quantized per tensor or along axis 1, got axis 0}}
  %0 = qcc.conv_transpose2d %x, %w : (tensor<1x2x4x4x!quant.uniform<i8:f32, 0.1>>, tensor<2x4x3x3x!quant.uniform<i8:f32:0, {0.1, 0.2}>>) -> tensor<1x4x6x6xi32>
  return %0 : tensor<1x4x6x6xi32>
}

// -----

func.func @conv_transpose2d_empty_kernel(%x: tensor<1x8x4x4xf32>, %w: tensor<8x4x3x0xf32>) -> tensor<1x4x6x3xf32> {
  // expected-error @+1 {{'qcc.conv_transpose2d' op expects a non-empty kernel}}
  %0 = qcc.conv_transpose2d %x, %w : (tensor<1x8x4x4xf32>, tensor<8x4x3x0xf32>) -> tensor<1x4x6x3xf32>
  return %0 : tensor<1x4x6x3xf32>
}

// -----

// With groups, axis 1 of the weight holds F / groups channels: per-axis
// scales cannot name every output channel.
func.func @conv_transpose2d_per_axis_weight_grouped(%x: tensor<1x4x4x4x!quant.uniform<i8:f32, 0.1>>, %w: tensor<4x2x2x2x!quant.uniform<i8:f32:1, {0.1, 0.2}>>) -> tensor<1x4x5x5xi32> {
  // expected-error @+1 {{'qcc.conv_transpose2d' op supports a per-axis quantized weight only with groups = 1}}
  %0 = qcc.conv_transpose2d %x, %w {groups = 2 : i64} : (tensor<1x4x4x4x!quant.uniform<i8:f32, 0.1>>, tensor<4x2x2x2x!quant.uniform<i8:f32:1, {0.1, 0.2}>>) -> tensor<1x4x5x5xi32>
  return %0 : tensor<1x4x5x5xi32>
}

// -----

//===----------------------------------------------------------------------===//
// qcc.matmul
//===----------------------------------------------------------------------===//

func.func @matmul_contracting_mismatch(%a: tensor<3x4xf32>, %b: tensor<5x6xf32>) -> tensor<3x6xf32> {
  // expected-error @+1 {{'qcc.matmul' op operand shapes 3x4 and 5x6 do not multiply (contracting sizes differ or batch dimensions do not broadcast)}}
  %0 = qcc.matmul %a, %b : (tensor<3x4xf32>, tensor<5x6xf32>) -> tensor<3x6xf32>
  return %0 : tensor<3x6xf32>
}

// -----

func.func @matmul_rank0(%a: tensor<f32>, %b: tensor<4xf32>) -> tensor<f32> {
  // expected-error @+1 {{'qcc.matmul' op expects operands of rank at least 1}}
  %0 = qcc.matmul %a, %b : (tensor<f32>, tensor<4xf32>) -> tensor<f32>
  return %0 : tensor<f32>
}

// -----

func.func @matmul_batch_mismatch(%a: tensor<2x3x4xf32>, %b: tensor<3x4x5xf32>) -> tensor<2x3x5xf32> {
  // expected-error @+1 {{'qcc.matmul' op operand shapes 2x3x4 and 3x4x5 do not multiply (contracting sizes differ or batch dimensions do not broadcast)}}
  %0 = qcc.matmul %a, %b : (tensor<2x3x4xf32>, tensor<3x4x5xf32>) -> tensor<2x3x5xf32>
  return %0 : tensor<2x3x5xf32>
}

// -----

// The dimension of a 1-D lhs is dropped from the result.
func.func @matmul_vector_result_shape(%a: tensor<4xf32>, %b: tensor<4x5xf32>) -> tensor<1x5xf32> {
  // expected-error @+1 {{'qcc.matmul' op result shape 1x5 should be 5}}
  %0 = qcc.matmul %a, %b : (tensor<4xf32>, tensor<4x5xf32>) -> tensor<1x5xf32>
  return %0 : tensor<1x5xf32>
}

// -----

func.func @matmul_rhs_per_axis_wrong_axis(%a: tensor<3x4x!quant.uniform<i8:f32, 0.1>>, %b: tensor<4x2x!quant.uniform<i8:f32:0, {0.1, 0.2, 0.3, 0.4}>>) -> tensor<3x2xi32> {
  // expected-error @+1 {{'qcc.matmul' op expects the weight quantized per tensor or along axis 1, got axis 0}}
  %0 = qcc.matmul %a, %b : (tensor<3x4x!quant.uniform<i8:f32, 0.1>>, tensor<4x2x!quant.uniform<i8:f32:0, {0.1, 0.2, 0.3, 0.4}>>) -> tensor<3x2xi32>
  return %0 : tensor<3x2xi32>
}

// -----

// A 1-D rhs has no columns to be quantized along.
func.func @matmul_vector_rhs_per_axis(%a: tensor<3x4x!quant.uniform<i8:f32, 0.1>>, %b: tensor<4x!quant.uniform<i8:f32:0, {0.1, 0.2, 0.3, 0.4}>>) -> tensor<3xi32> {
  // expected-error @+1 {{'qcc.matmul' op expects the weight quantized per tensor, got axis 0}}
  %0 = qcc.matmul %a, %b : (tensor<3x4x!quant.uniform<i8:f32, 0.1>>, tensor<4x!quant.uniform<i8:f32:0, {0.1, 0.2, 0.3, 0.4}>>) -> tensor<3xi32>
  return %0 : tensor<3xi32>
}

// -----

func.func @matmul_per_axis_lhs(%a: tensor<2x4x!quant.uniform<i8:f32:0, {0.1, 0.2}>>, %b: tensor<4x2x!quant.uniform<i8:f32, 0.1>>) -> tensor<2x2xi32> {
  // expected-error @+1 {{'qcc.matmul' op expects a per-tensor quantized input}}
  %0 = qcc.matmul %a, %b : (tensor<2x4x!quant.uniform<i8:f32:0, {0.1, 0.2}>>, tensor<4x2x!quant.uniform<i8:f32, 0.1>>) -> tensor<2x2xi32>
  return %0 : tensor<2x2xi32>
}

// -----

func.func @matmul_result_expressed_type(%a: tensor<3x4x!quant.uniform<i8:f32, 0.1>>, %b: tensor<4x2x!quant.uniform<i8:f32, 0.1>>) -> tensor<3x2x!quant.uniform<i8:bf16, 0.1>> {
  // expected-error @+1 {{'qcc.matmul' op expects quantized types of one expressed type, got 'f32' and 'bf16'}}
  %0 = qcc.matmul %a, %b : (tensor<3x4x!quant.uniform<i8:f32, 0.1>>, tensor<4x2x!quant.uniform<i8:f32, 0.1>>) -> tensor<3x2x!quant.uniform<i8:bf16, 0.1>>
  return %0 : tensor<3x2x!quant.uniform<i8:bf16, 0.1>>
}

// -----

func.func @matmul_integer_and_float(%a: tensor<3x4xi8>, %b: tensor<4x2xf32>) -> tensor<3x2xi32> {
  // expected-error @+1 {{'qcc.matmul' op expects integer input and weight with i32 result}}
  %0 = qcc.matmul %a, %b : (tensor<3x4xi8>, tensor<4x2xf32>) -> tensor<3x2xi32>
  return %0 : tensor<3x2xi32>
}

// -----

//===----------------------------------------------------------------------===//
// qcc.fully_connected
//===----------------------------------------------------------------------===//

func.func @fully_connected_input_rank(%x: tensor<1x2x64xf32>, %w: tensor<10x64xf32>) -> tensor<1x10xf32> {
  // expected-error @+1 {{'qcc.fully_connected' op expects input of rank 2, got rank 3}}
  %0 = qcc.fully_connected %x, %w : (tensor<1x2x64xf32>, tensor<10x64xf32>) -> tensor<1x10xf32>
  return %0 : tensor<1x10xf32>
}

// -----

func.func @fully_connected_feature_mismatch(%x: tensor<1x64xf32>, %w: tensor<10x32xf32>) -> tensor<1x10xf32> {
  // expected-error @+1 {{'qcc.fully_connected' op input has 64 features but the weight expects 32}}
  %0 = qcc.fully_connected %x, %w : (tensor<1x64xf32>, tensor<10x32xf32>) -> tensor<1x10xf32>
  return %0 : tensor<1x10xf32>
}

// -----

func.func @fully_connected_bias_shape(%x: tensor<1x64xf32>, %w: tensor<10x64xf32>, %b: tensor<1x10xf32>) -> tensor<1x10xf32> {
  // expected-error @+1 {{'qcc.fully_connected' op expects bias of shape 10, got 1x10}}
  %0 = qcc.fully_connected %x, %w, %b : (tensor<1x64xf32>, tensor<10x64xf32>, tensor<1x10xf32>) -> tensor<1x10xf32>
  return %0 : tensor<1x10xf32>
}

// -----

func.func @fully_connected_result_shape(%x: tensor<1x64xf32>, %w: tensor<10x64xf32>) -> tensor<1x64xf32> {
  // expected-error @+1 {{'qcc.fully_connected' op result shape 1x64 should be 1x10}}
  %0 = qcc.fully_connected %x, %w : (tensor<1x64xf32>, tensor<10x64xf32>) -> tensor<1x64xf32>
  return %0 : tensor<1x64xf32>
}

// -----

// The weight is [N, K]: per-output-feature quantization is along axis 0.
func.func @fully_connected_weight_per_axis_wrong_axis(%x: tensor<1x2x!quant.uniform<i8:f32, 0.1>>, %w: tensor<3x2x!quant.uniform<i8:f32:1, {0.1, 0.2}>>) -> tensor<1x3xi32> {
  // expected-error @+1 {{'qcc.fully_connected' op expects the weight quantized per tensor or along axis 0, got axis 1}}
  %0 = qcc.fully_connected %x, %w : (tensor<1x2x!quant.uniform<i8:f32, 0.1>>, tensor<3x2x!quant.uniform<i8:f32:1, {0.1, 0.2}>>) -> tensor<1x3xi32>
  return %0 : tensor<1x3xi32>
}

// -----

func.func @fully_connected_bias_expressed_type(%x: tensor<1x2x!quant.uniform<i8:f32, 0.1>>, %w: tensor<3x2x!quant.uniform<i8:f32, 0.1>>, %b: tensor<3x!quant.uniform<i32:f16, 0.01>>) -> tensor<1x3xi32> {
  // expected-error @+1 {{'qcc.fully_connected' op expects quantized types of one expressed type, got 'f32' and 'f16'}}
  %0 = qcc.fully_connected %x, %w, %b : (tensor<1x2x!quant.uniform<i8:f32, 0.1>>, tensor<3x2x!quant.uniform<i8:f32, 0.1>>, tensor<3x!quant.uniform<i32:f16, 0.01>>) -> tensor<1x3xi32>
  return %0 : tensor<1x3xi32>
}

// -----

//===----------------------------------------------------------------------===//
// qcc.add, qcc.sub, qcc.mul, qcc.div
//===----------------------------------------------------------------------===//

func.func @add_quantized_and_float(%a: tensor<4x!quant.uniform<i8:f32, 0.1>>, %b: tensor<4xf32>) -> tensor<4xf32> {
  // expected-error @+1 {{'qcc.add' op expects all or none of the operands and result to be quantized}}
  %0 = qcc.add %a, %b : (tensor<4x!quant.uniform<i8:f32, 0.1>>, tensor<4xf32>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

func.func @add_shapes_do_not_broadcast(%a: tensor<2x3xf32>, %b: tensor<2xf32>) -> tensor<2x3xf32> {
  // expected-error @+1 {{'qcc.add' op operand shapes 2x3 and 2 do not broadcast}}
  %0 = qcc.add %a, %b : (tensor<2x3xf32>, tensor<2xf32>) -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// -----

func.func @add_signed_and_unsigned(%a: tensor<4xi8>, %b: tensor<4xui8>) -> tensor<4xi8> {
  // expected-error @+1 {{'qcc.add' op expects operands and result of one element type, got 'tensor<4xi8>', 'tensor<4xui8>', 'tensor<4xi8>'}}
  %0 = qcc.add %a, %b : (tensor<4xi8>, tensor<4xui8>) -> tensor<4xi8>
  return %0 : tensor<4xi8>
}

// -----

func.func @add_expressed_type_mismatch(%a: tensor<4x!quant.uniform<i8:f32, 0.1>>, %b: tensor<4x!quant.uniform<i8:f16, 0.1>>) -> tensor<4x!quant.uniform<i8:f32, 0.1>> {
  // expected-error @+1 {{'qcc.add' op expects quantized types of one expressed type}}
  %0 = qcc.add %a, %b : (tensor<4x!quant.uniform<i8:f32, 0.1>>, tensor<4x!quant.uniform<i8:f16, 0.1>>) -> tensor<4x!quant.uniform<i8:f32, 0.1>>
  return %0 : tensor<4x!quant.uniform<i8:f32, 0.1>>
}

// -----

func.func @sub_result_shape(%a: tensor<2x3xf32>, %b: tensor<3xf32>) -> tensor<3xf32> {
  // expected-error @+1 {{'qcc.sub' op result shape 3 should be the broadcast shape 2x3}}
  %0 = qcc.sub %a, %b : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<3xf32>
  return %0 : tensor<3xf32>
}

// -----

func.func @mul_shapes_do_not_broadcast(%a: tensor<2x3xf32>, %b: tensor<4x1x2xf32>) -> tensor<4x2x3xf32> {
  // expected-error @+1 {{'qcc.mul' op operand shapes 2x3 and 4x1x2 do not broadcast}}
  %0 = qcc.mul %a, %b : (tensor<2x3xf32>, tensor<4x1x2xf32>) -> tensor<4x2x3xf32>
  return %0 : tensor<4x2x3xf32>
}

// -----

func.func @div_result_type(%a: tensor<3xf32>, %b: tensor<3xf32>) -> tensor<3xf16> {
  // expected-error @+1 {{'qcc.div' op expects operands and result of one element type, got 'tensor<3xf32>', 'tensor<3xf32>', 'tensor<3xf16>'}}
  %0 = qcc.div %a, %b : (tensor<3xf32>, tensor<3xf32>) -> tensor<3xf16>
  return %0 : tensor<3xf16>
}

// -----

//===----------------------------------------------------------------------===//
// Activations
//===----------------------------------------------------------------------===//

func.func @relu_result_shape(%x: tensor<1x4xf32>) -> tensor<1x5xf32> {
  // expected-error @+1 {{'qcc.relu' op result shape 1x5 differs from input shape 1x4}}
  %0 = qcc.relu %x : (tensor<1x4xf32>) -> tensor<1x5xf32>
  return %0 : tensor<1x5xf32>
}

// -----

func.func @relu_result_rank(%x: tensor<4xf32>) -> tensor<1x4xf32> {
  // expected-error @+1 {{'qcc.relu' op result shape 1x4 differs from input shape 4}}
  %0 = qcc.relu %x : (tensor<4xf32>) -> tensor<1x4xf32>
  return %0 : tensor<1x4xf32>
}

// -----

func.func @sigmoid_integer(%x: tensor<4xi8>) -> tensor<4xi8> {
  // expected-error @+1 {{'qcc.sigmoid' op operand #0 must be ranked tensor of floating-point or uniform quantized type values, but got 'tensor<4xi8>'}}
  %0 = qcc.sigmoid %x : (tensor<4xi8>) -> tensor<4xi8>
  return %0 : tensor<4xi8>
}

// -----

func.func @tanh_float_to_quantized(%x: tensor<4xf32>) -> tensor<4x!quant.uniform<i8:f32, 0.1>> {
  // expected-error @+1 {{'qcc.tanh' op expects all or none of the operands and result to be quantized}}
  %0 = qcc.tanh %x : (tensor<4xf32>) -> tensor<4x!quant.uniform<i8:f32, 0.1>>
  return %0 : tensor<4x!quant.uniform<i8:f32, 0.1>>
}

// -----

func.func @hard_swish_result_shape(%x: tensor<?x4xf32>) -> tensor<?x8xf32> {
  // expected-error @+1 {{'qcc.hard_swish' op result shape ?x8 differs from input shape ?x4}}
  %0 = qcc.hard_swish %x : (tensor<?x4xf32>) -> tensor<?x8xf32>
  return %0 : tensor<?x8xf32>
}

// -----

func.func @erf_result_type(%x: tensor<4xf32>) -> tensor<4xf16> {
  // expected-error @+1 {{'qcc.erf' op expects operands and result of one element type, got 'tensor<4xf32>', 'tensor<4xf16>'}}
  %0 = qcc.erf %x : (tensor<4xf32>) -> tensor<4xf16>
  return %0 : tensor<4xf16>
}

// -----

func.func @clip_integer_non_integral_bound(%x: tensor<4xi8>) -> tensor<4xi8> {
  // expected-error @+1 {{'qcc.clip' op expects integral bounds for an integer tensor}}
  %0 = qcc.clip %x {min = 0.0 : f64, max = 6.5 : f64} : (tensor<4xi8>) -> tensor<4xi8>
  return %0 : tensor<4xi8>
}

// -----

func.func @clip_f32_bound(%x: tensor<4xf32>) -> tensor<4xf32> {
  // expected-error @+1 {{attribute 'min' failed to satisfy constraint: 64-bit float attribute}}
  %0 = qcc.clip %x {min = 0.0 : f32} : (tensor<4xf32>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

func.func @clip_nan_min(%x: tensor<4xf32>) -> tensor<4xf32> {
  // expected-error @+1 {{'qcc.clip' op expects bounds that are not NaN}}
  %0 = qcc.clip %x {min = 0x7FF8000000000000 : f64, max = 6.0 : f64} : (tensor<4xf32>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

func.func @clip_nan_max(%x: tensor<4xf32>) -> tensor<4xf32> {
  // expected-error @+1 {{'qcc.clip' op expects bounds that are not NaN}}
  %0 = qcc.clip %x {max = 0x7FF8000000000000 : f64} : (tensor<4xf32>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

func.func @leaky_relu_integer(%x: tensor<4xi8>) -> tensor<4xi8> {
  // expected-error @+1 {{'qcc.leaky_relu' op operand #0 must be ranked tensor of floating-point or uniform quantized type values, but got 'tensor<4xi8>'}}
  %0 = qcc.leaky_relu %x : (tensor<4xi8>) -> tensor<4xi8>
  return %0 : tensor<4xi8>
}

// -----

func.func @leaky_relu_infinite_alpha(%x: tensor<4xf32>) -> tensor<4xf32> {
  // expected-error @+1 {{'qcc.leaky_relu' op expects a finite alpha}}
  %0 = qcc.leaky_relu %x {alpha = 0x7F800000 : f32} : (tensor<4xf32>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

func.func @leaky_relu_nan_alpha(%x: tensor<4xf32>) -> tensor<4xf32> {
  // expected-error @+1 {{'qcc.leaky_relu' op expects a finite alpha}}
  %0 = qcc.leaky_relu %x {alpha = 0x7FC00000 : f32} : (tensor<4xf32>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

func.func @hard_sigmoid_result_shape(%x: tensor<4xf32>) -> tensor<5xf32> {
  // expected-error @+1 {{'qcc.hard_sigmoid' op result shape 5 differs from input shape 4}}
  %0 = qcc.hard_sigmoid %x : (tensor<4xf32>) -> tensor<5xf32>
  return %0 : tensor<5xf32>
}

// -----

func.func @gelu_unknown_approximation(%x: tensor<4xf32>) -> tensor<4xf32> {
  // expected-error @+2 {{expected ::qcc::GeluApproximation to be one of: none, tanh}}
  // expected-error @+1 {{failed to parse Qcc_GeluApproximationAttr parameter 'value'}}
  %0 = qcc.gelu %x {approximate = #qcc.gelu_approximation<erf>} : (tensor<4xf32>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

func.func @gelu_quantized_to_float(%x: tensor<4x!quant.uniform<i8:f32, 0.1>>) -> tensor<4xf32> {
  // expected-error @+1 {{'qcc.gelu' op expects all or none of the operands and result to be quantized}}
  %0 = qcc.gelu %x : (tensor<4x!quant.uniform<i8:f32, 0.1>>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

// A [8] slope aligns with the last dimension (4), not with the channels.
func.func @prelu_slope_does_not_broadcast(%x: tensor<1x8x4x4xf32>, %s: tensor<8xf32>) -> tensor<1x8x4x4xf32> {
  // expected-error @+1 {{'qcc.prelu' op slope of shape 8 does not broadcast to input shape 1x8x4x4}}
  %0 = qcc.prelu %x, %s : (tensor<1x8x4x4xf32>, tensor<8xf32>) -> tensor<1x8x4x4xf32>
  return %0 : tensor<1x8x4x4xf32>
}

// -----

func.func @prelu_slope_rank_too_large(%x: tensor<8xf32>, %s: tensor<1x8xf32>) -> tensor<8xf32> {
  // expected-error @+1 {{'qcc.prelu' op slope of shape 1x8 does not broadcast to input shape 8}}
  %0 = qcc.prelu %x, %s : (tensor<8xf32>, tensor<1x8xf32>) -> tensor<8xf32>
  return %0 : tensor<8xf32>
}

// -----

func.func @prelu_slope_type(%x: tensor<8xf32>, %s: tensor<8xf16>) -> tensor<8xf32> {
  // expected-error @+1 {{'qcc.prelu' op expects operands and result of one element type}}
  %0 = qcc.prelu %x, %s : (tensor<8xf32>, tensor<8xf16>) -> tensor<8xf32>
  return %0 : tensor<8xf32>
}

// -----

//===----------------------------------------------------------------------===//
// Pooling and normalization
//===----------------------------------------------------------------------===//

func.func @max_pool2d_zero_kernel(%x: tensor<1x8x4x4xf32>) -> tensor<1x8x4x4xf32> {
  // expected-error @+1 {{'qcc.max_pool2d' op expects a positive kernel size}}
  %0 = qcc.max_pool2d %x {kernel = array<i64: 0, 1>} : (tensor<1x8x4x4xf32>) -> tensor<1x8x4x4xf32>
  return %0 : tensor<1x8x4x4xf32>
}

// -----

func.func @max_pool2d_three_kernel_sizes(%x: tensor<1x8x4x4xf32>) -> tensor<1x8x4x4xf32> {
  // expected-error @+1 {{attribute 'kernel' failed to satisfy constraint: i64 dense array attribute with exactly 2 elements}}
  %0 = qcc.max_pool2d %x {kernel = array<i64: 1, 1, 1>} : (tensor<1x8x4x4xf32>) -> tensor<1x8x4x4xf32>
  return %0 : tensor<1x8x4x4xf32>
}

// -----

func.func @max_pool2d_missing_kernel(%x: tensor<1x8x4x4xf32>) -> tensor<1x8x4x4xf32> {
  // expected-error @+1 {{'qcc.max_pool2d' op requires attribute 'kernel'}}
  %0 = qcc.max_pool2d %x : (tensor<1x8x4x4xf32>) -> tensor<1x8x4x4xf32>
  return %0 : tensor<1x8x4x4xf32>
}

// -----

func.func @max_pool2d_input_rank(%x: tensor<8x4x4xf32>) -> tensor<8x2x2xf32> {
  // expected-error @+1 {{'qcc.max_pool2d' op expects input of rank 4, got rank 3}}
  %0 = qcc.max_pool2d %x {kernel = array<i64: 2, 2>} : (tensor<8x4x4xf32>) -> tensor<8x2x2xf32>
  return %0 : tensor<8x2x2xf32>
}

// -----

// With ceil_mode, 5 gives 3 windows of 2 with stride 2.
func.func @max_pool2d_ceil_mode_result_shape(%x: tensor<1x8x5x5xf32>) -> tensor<1x8x2x2xf32> {
  // expected-error @+1 {{'qcc.max_pool2d' op result shape 1x8x2x2 should be 1x8x3x3}}
  %0 = qcc.max_pool2d %x {kernel = array<i64: 2, 2>, strides = array<i64: 2, 2>, ceil_mode = true} : (tensor<1x8x5x5xf32>) -> tensor<1x8x2x2xf32>
  return %0 : tensor<1x8x2x2xf32>
}

// -----

func.func @max_pool2d_window_too_large(%x: tensor<1x8x4x4xf32>) -> tensor<1x8x1x1xf32> {
  // expected-error @+1 {{'qcc.max_pool2d' op window of size 5 (dilation 1) does not fit spatial dimension 0 of size 4 with pads 0, 0}}
  %0 = qcc.max_pool2d %x {kernel = array<i64: 5, 5>} : (tensor<1x8x4x4xf32>) -> tensor<1x8x1x1xf32>
  return %0 : tensor<1x8x1x1xf32>
}

// -----

// A bottom pad of 2 with a 2x2 window: the last window lies in the padding.
func.func @max_pool2d_pad_not_smaller_than_window(%x: tensor<1x8x4x4xf32>) -> tensor<1x8x5x3xf32> {
  // expected-error @+1 {{'qcc.max_pool2d' op pad 2 is not smaller than the window (2): a window would lie wholly in the padding}}
  %0 = qcc.max_pool2d %x {kernel = array<i64: 2, 2>, pads = array<i64: 0, 0, 2, 0>} : (tensor<1x8x4x4xf32>) -> tensor<1x8x5x3xf32>
  return %0 : tensor<1x8x5x3xf32>
}

// -----

// Max pooling keeps the quantization parameters.
func.func @max_pool2d_requantizes(%x: tensor<1x8x4x4x!quant.uniform<i8:f32, 0.1>>) -> tensor<1x8x2x2x!quant.uniform<i8:f32, 0.2>> {
  // expected-error @+1 {{'qcc.max_pool2d' op expects result element type '!quant.uniform<i8:f32, 1.000000e-01>', got '!quant.uniform<i8:f32, 2.000000e-01>'}}
  %0 = qcc.max_pool2d %x {kernel = array<i64: 2, 2>, strides = array<i64: 2, 2>} : (tensor<1x8x4x4x!quant.uniform<i8:f32, 0.1>>) -> tensor<1x8x2x2x!quant.uniform<i8:f32, 0.2>>
  return %0 : tensor<1x8x2x2x!quant.uniform<i8:f32, 0.2>>
}

// -----

func.func @avg_pool2d_integer(%x: tensor<1x8x4x4xi8>) -> tensor<1x8x2x2xi8> {
  // expected-error @+1 {{'qcc.avg_pool2d' op operand #0 must be ranked tensor of floating-point or uniform quantized type values, but got 'tensor<1x8x4x4xi8>'}}
  %0 = qcc.avg_pool2d %x {kernel = array<i64: 2, 2>, strides = array<i64: 2, 2>} : (tensor<1x8x4x4xi8>) -> tensor<1x8x2x2xi8>
  return %0 : tensor<1x8x2x2xi8>
}

// -----

func.func @avg_pool2d_zero_stride(%x: tensor<1x8x4x4xf32>) -> tensor<1x8x2x2xf32> {
  // expected-error @+1 {{'qcc.avg_pool2d' op expects positive strides}}
  %0 = qcc.avg_pool2d %x {kernel = array<i64: 2, 2>, strides = array<i64: 2, 0>} : (tensor<1x8x4x4xf32>) -> tensor<1x8x2x2xf32>
  return %0 : tensor<1x8x2x2xf32>
}

// -----

func.func @avg_pool2d_result_shape(%x: tensor<1x8x4x4xf32>) -> tensor<1x8x3x3xf32> {
  // expected-error @+1 {{'qcc.avg_pool2d' op result shape 1x8x3x3 should be 1x8x2x2}}
  %0 = qcc.avg_pool2d %x {kernel = array<i64: 2, 2>, strides = array<i64: 2, 2>} : (tensor<1x8x4x4xf32>) -> tensor<1x8x3x3xf32>
  return %0 : tensor<1x8x3x3xf32>
}

// -----

// The window spans dilation * (kernel - 1) + 1 = 3 positions.
func.func @avg_pool2d_pad_not_smaller_than_dilated_window(%x: tensor<1x8x4x4xf32>) -> tensor<1x8x2x5xf32> {
  // expected-error @+1 {{'qcc.avg_pool2d' op pad 3 is not smaller than the window (3): a window would lie wholly in the padding}}
  %0 = qcc.avg_pool2d %x {kernel = array<i64: 2, 2>, dilations = array<i64: 2, 2>, pads = array<i64: 0, 3, 0, 0>} : (tensor<1x8x4x4xf32>) -> tensor<1x8x2x5xf32>
  return %0 : tensor<1x8x2x5xf32>
}

// -----

func.func @avg_pool2d_quantized_to_float(%x: tensor<1x8x4x4x!quant.uniform<i8:f32, 0.1>>) -> tensor<1x8x2x2xf32> {
  // expected-error @+1 {{'qcc.avg_pool2d' op expects all or none of the operands and result to be quantized}}
  %0 = qcc.avg_pool2d %x {kernel = array<i64: 2, 2>, strides = array<i64: 2, 2>} : (tensor<1x8x4x4x!quant.uniform<i8:f32, 0.1>>) -> tensor<1x8x2x2xf32>
  return %0 : tensor<1x8x2x2xf32>
}

// -----

func.func @global_avg_pool_rank(%x: tensor<1x8xf32>) -> tensor<1x8xf32> {
  // expected-error @+1 {{'qcc.global_avg_pool' op expects an input of rank at least 3 (N, C, spatial)}}
  %0 = qcc.global_avg_pool %x : (tensor<1x8xf32>) -> tensor<1x8xf32>
  return %0 : tensor<1x8xf32>
}

// -----

func.func @global_avg_pool_result_shape(%x: tensor<1x8x7x7xf32>) -> tensor<1x8xf32> {
  // expected-error @+1 {{'qcc.global_avg_pool' op result shape 1x8 should be 1x8x1x1}}
  %0 = qcc.global_avg_pool %x : (tensor<1x8x7x7xf32>) -> tensor<1x8xf32>
  return %0 : tensor<1x8xf32>
}

// -----

func.func @batch_norm_parameter_shape(%x: tensor<1x8x4x4xf32>, %c: tensor<8xf32>, %d: tensor<4xf32>) -> tensor<1x8x4x4xf32> {
  // expected-error @+1 {{'qcc.batch_norm' op expects scale, bias, mean and var of shape 8, got 4}}
  %0 = qcc.batch_norm %x, %c, %c, %d, %c : (tensor<1x8x4x4xf32>, tensor<8xf32>, tensor<8xf32>, tensor<4xf32>, tensor<8xf32>) -> tensor<1x8x4x4xf32>
  return %0 : tensor<1x8x4x4xf32>
}

// -----

func.func @batch_norm_rank(%x: tensor<8xf32>, %c: tensor<8xf32>) -> tensor<8xf32> {
  // expected-error @+1 {{'qcc.batch_norm' op expects an input of rank at least 2 (N, C, ...)}}
  %0 = qcc.batch_norm %x, %c, %c, %c, %c : (tensor<8xf32>, tensor<8xf32>, tensor<8xf32>, tensor<8xf32>, tensor<8xf32>) -> tensor<8xf32>
  return %0 : tensor<8xf32>
}

// -----

func.func @batch_norm_quantized(%x: tensor<1x8x!quant.uniform<i8:f32, 0.1>>, %c: tensor<8xf32>) -> tensor<1x8xf32> {
  // expected-error @+1 {{'qcc.batch_norm' op operand #0 must be ranked tensor of floating-point values}}
  %0 = qcc.batch_norm %x, %c, %c, %c, %c : (tensor<1x8x!quant.uniform<i8:f32, 0.1>>, tensor<8xf32>, tensor<8xf32>, tensor<8xf32>, tensor<8xf32>) -> tensor<1x8xf32>
  return %0 : tensor<1x8xf32>
}

// -----

func.func @batch_norm_mixed_float_types(%x: tensor<1x8xf32>, %c: tensor<8xf16>) -> tensor<1x8xf32> {
  // expected-error @+1 {{'qcc.batch_norm' op expects operands and result of one element type}}
  %0 = qcc.batch_norm %x, %c, %c, %c, %c : (tensor<1x8xf32>, tensor<8xf16>, tensor<8xf16>, tensor<8xf16>, tensor<8xf16>) -> tensor<1x8xf32>
  return %0 : tensor<1x8xf32>
}

// -----

func.func @batch_norm_negative_epsilon(%x: tensor<1x8xf32>, %c: tensor<8xf32>) -> tensor<1x8xf32> {
  // expected-error @+1 {{'qcc.batch_norm' op expects a finite, non-negative epsilon}}
  %0 = qcc.batch_norm %x, %c, %c, %c, %c {epsilon = -1.0e-05 : f32} : (tensor<1x8xf32>, tensor<8xf32>, tensor<8xf32>, tensor<8xf32>, tensor<8xf32>) -> tensor<1x8xf32>
  return %0 : tensor<1x8xf32>
}

// -----

func.func @batch_norm_infinite_epsilon(%x: tensor<1x8xf32>, %c: tensor<8xf32>) -> tensor<1x8xf32> {
  // expected-error @+1 {{'qcc.batch_norm' op expects a finite, non-negative epsilon}}
  %0 = qcc.batch_norm %x, %c, %c, %c, %c {epsilon = 0x7F800000 : f32} : (tensor<1x8xf32>, tensor<8xf32>, tensor<8xf32>, tensor<8xf32>, tensor<8xf32>) -> tensor<1x8xf32>
  return %0 : tensor<1x8xf32>
}

// -----

func.func @softmax_axis_out_of_range(%x: tensor<1x10xf32>) -> tensor<1x10xf32> {
  // expected-error @+1 {{'qcc.softmax' op axis 2 is outside [0, 2)}}
  %0 = qcc.softmax %x {axis = 2 : i64} : (tensor<1x10xf32>) -> tensor<1x10xf32>
  return %0 : tensor<1x10xf32>
}

// -----

// Negative (from the end) axes are not accepted.
func.func @softmax_negative_axis(%x: tensor<1x10xf32>) -> tensor<1x10xf32> {
  // expected-error @+1 {{'qcc.softmax' op axis -1 is outside [0, 2)}}
  %0 = qcc.softmax %x {axis = -1 : i64} : (tensor<1x10xf32>) -> tensor<1x10xf32>
  return %0 : tensor<1x10xf32>
}

// -----

func.func @softmax_result_shape(%x: tensor<1x10xf32>) -> tensor<10xf32> {
  // expected-error @+1 {{'qcc.softmax' op result shape 10 should be 1x10}}
  %0 = qcc.softmax %x {axis = 1 : i64} : (tensor<1x10xf32>) -> tensor<10xf32>
  return %0 : tensor<10xf32>
}

// -----

func.func @layer_norm_axis_out_of_range(%x: tensor<1x4x16xf32>, %g: tensor<16xf32>) -> tensor<1x4x16xf32> {
  // expected-error @+1 {{'qcc.layer_norm' op axis 3 is outside [0, 3)}}
  %0 = qcc.layer_norm %x, %g {axis = 3 : i64} : (tensor<1x4x16xf32>, tensor<16xf32>) -> tensor<1x4x16xf32>
  return %0 : tensor<1x4x16xf32>
}

// -----

func.func @layer_norm_scale_shape(%x: tensor<1x4x16xf32>, %g: tensor<4xf32>) -> tensor<1x4x16xf32> {
  // expected-error @+1 {{'qcc.layer_norm' op scale and bias must broadcast to the normalized shape 16, got 4}}
  %0 = qcc.layer_norm %x, %g {axis = 2 : i64} : (tensor<1x4x16xf32>, tensor<4xf32>) -> tensor<1x4x16xf32>
  return %0 : tensor<1x4x16xf32>
}

// -----

func.func @layer_norm_bias_rank(%x: tensor<1x4x16xf32>, %g: tensor<16xf32>, %b: tensor<4x16xf32>) -> tensor<1x4x16xf32> {
  // expected-error @+1 {{'qcc.layer_norm' op scale and bias must broadcast to the normalized shape 16, got 4x16}}
  %0 = qcc.layer_norm %x, %g, %b {axis = 2 : i64} : (tensor<1x4x16xf32>, tensor<16xf32>, tensor<4x16xf32>) -> tensor<1x4x16xf32>
  return %0 : tensor<1x4x16xf32>
}

// -----

func.func @layer_norm_negative_epsilon(%x: tensor<1x4x16xf32>, %g: tensor<16xf32>) -> tensor<1x4x16xf32> {
  // expected-error @+1 {{'qcc.layer_norm' op expects a finite, non-negative epsilon}}
  %0 = qcc.layer_norm %x, %g {axis = 2 : i64, epsilon = -1.0e-05 : f32} : (tensor<1x4x16xf32>, tensor<16xf32>) -> tensor<1x4x16xf32>
  return %0 : tensor<1x4x16xf32>
}

// -----

func.func @layer_norm_nan_epsilon(%x: tensor<1x4x16xf32>, %g: tensor<16xf32>) -> tensor<1x4x16xf32> {
  // expected-error @+1 {{'qcc.layer_norm' op expects a finite, non-negative epsilon}}
  %0 = qcc.layer_norm %x, %g {axis = 2 : i64, epsilon = 0x7FC00000 : f32} : (tensor<1x4x16xf32>, tensor<16xf32>) -> tensor<1x4x16xf32>
  return %0 : tensor<1x4x16xf32>
}

// -----

// The statistics keep the input's shape with the normalized dimensions set to 1.
func.func @layer_norm_mean_shape(%x: tensor<1x4x16xf32>, %g: tensor<16xf32>) -> tensor<1x4xf32> {
  // expected-error @+1 {{'qcc.layer_norm' op expects mean and inv_std_dev of shape 1x4x1, got 1x4}}
  %0:2 = qcc.layer_norm %x, %g {axis = 2 : i64} : (tensor<1x4x16xf32>, tensor<16xf32>) -> (tensor<1x4x16xf32>, tensor<1x4xf32>)
  return %0#1 : tensor<1x4xf32>
}

// -----

func.func @layer_norm_inv_std_dev_shape(%x: tensor<1x4x16xf32>, %g: tensor<4x16xf32>) -> tensor<1x4x1xf32> {
  // expected-error @+1 {{'qcc.layer_norm' op expects mean and inv_std_dev of shape 1x1x1, got 1x4x1}}
  %0:3 = qcc.layer_norm %x, %g {axis = 1 : i64} : (tensor<1x4x16xf32>, tensor<4x16xf32>) -> (tensor<1x4x16xf32>, tensor<1x1x1xf32>, tensor<1x4x1xf32>)
  return %0#2 : tensor<1x4x1xf32>
}

// -----

func.func @layer_norm_three_statistics(%x: tensor<1x4x16xf32>, %g: tensor<16xf32>) -> tensor<1x4x1xf32> {
  // expected-error @+1 {{'qcc.layer_norm' op returns at most two statistics (mean, inv_std_dev)}}
  %0:4 = qcc.layer_norm %x, %g {axis = 2 : i64} : (tensor<1x4x16xf32>, tensor<16xf32>) -> (tensor<1x4x16xf32>, tensor<1x4x1xf32>, tensor<1x4x1xf32>, tensor<1x4x1xf32>)
  return %0#3 : tensor<1x4x1xf32>
}

// -----

func.func @layer_norm_statistics_element_type(%x: tensor<1x4x16xf32>, %g: tensor<16xf32>) -> tensor<1x4x1xf16> {
  // expected-error @+1 {{'qcc.layer_norm' op expects operands and result of one element type, got 'tensor<1x4x16xf32>', 'tensor<16xf32>', 'tensor<1x4x16xf32>', 'tensor<1x4x1xf16>'}}
  %0:2 = qcc.layer_norm %x, %g {axis = 2 : i64} : (tensor<1x4x16xf32>, tensor<16xf32>) -> (tensor<1x4x16xf32>, tensor<1x4x1xf16>)
  return %0#1 : tensor<1x4x1xf16>
}

// -----

//===----------------------------------------------------------------------===//
// Data movement
//===----------------------------------------------------------------------===//

func.func @concat_axis_out_of_range(%a: tensor<1x2xf32>) -> tensor<1x2xf32> {
  // expected-error @+1 {{'qcc.concat' op axis 2 is outside [0, 2)}}
  %0 = qcc.concat %a {axis = 2 : i64} : (tensor<1x2xf32>) -> tensor<1x2xf32>
  return %0 : tensor<1x2xf32>
}

// -----

func.func @concat_size_mismatch(%a: tensor<1x2x4xf32>, %b: tensor<1x3x5xf32>) -> tensor<1x5x4xf32> {
  // expected-error @+1 {{'qcc.concat' op input #1 has size 5 in dimension 2, expected 4}}
  %0 = qcc.concat %a, %b {axis = 1 : i64} : (tensor<1x2x4xf32>, tensor<1x3x5xf32>) -> tensor<1x5x4xf32>
  return %0 : tensor<1x5x4xf32>
}

// -----

func.func @concat_rank_mismatch(%a: tensor<1x2x4xf32>, %b: tensor<1x3xf32>) -> tensor<1x5x4xf32> {
  // expected-error @+1 {{'qcc.concat' op input #1 has rank 2, expected 3}}
  %0 = qcc.concat %a, %b {axis = 1 : i64} : (tensor<1x2x4xf32>, tensor<1x3xf32>) -> tensor<1x5x4xf32>
  return %0 : tensor<1x5x4xf32>
}

// -----

func.func @concat_result_shape(%a: tensor<1x2x4xf32>, %b: tensor<1x3x4xf32>) -> tensor<1x6x4xf32> {
  // expected-error @+1 {{'qcc.concat' op result shape 1x6x4 should be 1x5x4}}
  %0 = qcc.concat %a, %b {axis = 1 : i64} : (tensor<1x2x4xf32>, tensor<1x3x4xf32>) -> tensor<1x6x4xf32>
  return %0 : tensor<1x6x4xf32>
}

// -----

func.func @concat_no_inputs() -> tensor<2xf32> {
  // expected-error @+1 {{'qcc.concat' op expects at least one input}}
  %0 = qcc.concat {axis = 0 : i64} : () -> tensor<2xf32>
  return %0 : tensor<2xf32>
}

// -----

func.func @concat_quantized_and_float(%a: tensor<2x!quant.uniform<i8:f32, 0.1>>, %b: tensor<2xf32>) -> tensor<4xf32> {
  // expected-error @+1 {{'qcc.concat' op expects all or none of the operands and result to be quantized}}
  %0 = qcc.concat %a, %b {axis = 0 : i64} : (tensor<2x!quant.uniform<i8:f32, 0.1>>, tensor<2xf32>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

func.func @reshape_element_count(%x: tensor<2x3xf32>) -> tensor<7xf32> {
  // expected-error @+1 {{'qcc.reshape' op cannot reshape 6 elements into 7 elements}}
  %0 = qcc.reshape %x : (tensor<2x3xf32>) -> tensor<7xf32>
  return %0 : tensor<7xf32>
}

// -----

func.func @reshape_element_type(%x: tensor<2x3xf32>) -> tensor<6xf16> {
  // expected-error @+1 {{'qcc.reshape' op expects result element type 'f32', got 'f16'}}
  %0 = qcc.reshape %x : (tensor<2x3xf32>) -> tensor<6xf16>
  return %0 : tensor<6xf16>
}

// -----

// The quantized dimension (axis 1, size 2) does not survive as a whole.
func.func @reshape_splits_per_axis_dimension(%x: tensor<3x2x!quant.uniform<i8:f32:1, {0.1, 0.2}>>) -> tensor<6x!quant.uniform<i8:f32, 0.1>> {
  // expected-error @+1 {{'qcc.reshape' op expects the per-axis quantized type}}
  %0 = qcc.reshape %x : (tensor<3x2x!quant.uniform<i8:f32:1, {0.1, 0.2}>>) -> tensor<6x!quant.uniform<i8:f32, 0.1>>
  return %0 : tensor<6x!quant.uniform<i8:f32, 0.1>>
}

// -----

// Dimension 1 of 2x2 becomes dimension 2 of 1x2x2.
func.func @reshape_per_axis_keeps_old_axis(%x: tensor<2x2x!quant.uniform<i8:f32:1, {0.1, 0.2}>>) -> tensor<1x2x2x!quant.uniform<i8:f32:1, {0.1, 0.2}>> {
  // expected-error @+1 {{'qcc.reshape' op expects the per-axis quantized type}}
  %0 = qcc.reshape %x : (tensor<2x2x!quant.uniform<i8:f32:1, {0.1, 0.2}>>) -> tensor<1x2x2x!quant.uniform<i8:f32:1, {0.1, 0.2}>>
  return %0 : tensor<1x2x2x!quant.uniform<i8:f32:1, {0.1, 0.2}>>
}

// -----

func.func @flatten_axis_out_of_range(%x: tensor<2x3xf32>) -> tensor<6x1xf32> {
  // expected-error @+1 {{'qcc.flatten' op axis 3 is outside [0, 2]}}
  %0 = qcc.flatten %x {axis = 3 : i64} : (tensor<2x3xf32>) -> tensor<6x1xf32>
  return %0 : tensor<6x1xf32>
}

// -----

func.func @flatten_result_shape(%x: tensor<2x3x4xf32>) -> tensor<6x4xf32> {
  // expected-error @+1 {{'qcc.flatten' op result shape 6x4 should be 2x12}}
  %0 = qcc.flatten %x : (tensor<2x3x4xf32>) -> tensor<6x4xf32>
  return %0 : tensor<6x4xf32>
}

// -----

func.func @flatten_merges_per_axis_dimension(%x: tensor<2x3x4x!quant.uniform<i8:f32:1, {0.1, 0.2, 0.3}>>) -> tensor<2x12x!quant.uniform<i8:f32, 0.1>> {
  // expected-error @+1 {{'qcc.flatten' op expects the per-axis quantized type}}
  %0 = qcc.flatten %x : (tensor<2x3x4x!quant.uniform<i8:f32:1, {0.1, 0.2, 0.3}>>) -> tensor<2x12x!quant.uniform<i8:f32, 0.1>>
  return %0 : tensor<2x12x!quant.uniform<i8:f32, 0.1>>
}

// -----

func.func @squeeze_dimension_not_1(%x: tensor<1x8x2xf32>) -> tensor<1x8xf32> {
  // expected-error @+1 {{'qcc.squeeze' op cannot squeeze dimension 2 of size 2}}
  %0 = qcc.squeeze %x {axes = array<i64: 2>} : (tensor<1x8x2xf32>) -> tensor<1x8xf32>
  return %0 : tensor<1x8xf32>
}

// -----

func.func @squeeze_axis_twice(%x: tensor<1x8x1xf32>) -> tensor<8xf32> {
  // expected-error @+1 {{'qcc.squeeze' op axis 0 is listed twice}}
  %0 = qcc.squeeze %x {axes = array<i64: 0, 0>} : (tensor<1x8x1xf32>) -> tensor<8xf32>
  return %0 : tensor<8xf32>
}

// -----

func.func @squeeze_axis_out_of_range(%x: tensor<1x8x1xf32>) -> tensor<1x8xf32> {
  // expected-error @+1 {{'qcc.squeeze' op axis 3 is outside [0, 3)}}
  %0 = qcc.squeeze %x {axes = array<i64: 3>} : (tensor<1x8x1xf32>) -> tensor<1x8xf32>
  return %0 : tensor<1x8xf32>
}

// -----

func.func @squeeze_result_shape(%x: tensor<1x8x1xf32>) -> tensor<1x8xf32> {
  // expected-error @+1 {{'qcc.squeeze' op result shape 1x8 should be 8x1}}
  %0 = qcc.squeeze %x {axes = array<i64: 0>} : (tensor<1x8x1xf32>) -> tensor<1x8xf32>
  return %0 : tensor<1x8xf32>
}

// -----

func.func @squeeze_per_axis_keeps_old_axis(%x: tensor<1x2x2x!quant.uniform<i8:f32:2, {0.1, 0.2}>>) -> tensor<2x2x!quant.uniform<i8:f32:0, {0.1, 0.2}>> {
  // expected-error @+1 {{'qcc.squeeze' op expects the per-axis quantized type}}
  %0 = qcc.squeeze %x {axes = array<i64: 0>} : (tensor<1x2x2x!quant.uniform<i8:f32:2, {0.1, 0.2}>>) -> tensor<2x2x!quant.uniform<i8:f32:0, {0.1, 0.2}>>
  return %0 : tensor<2x2x!quant.uniform<i8:f32:0, {0.1, 0.2}>>
}

// -----

// Squeezing the quantized dimension itself.
func.func @squeeze_per_axis_dimension(%x: tensor<1x2x!quant.uniform<i8:f32:0, {0.1}>>) -> tensor<2x!quant.uniform<i8:f32, 0.1>> {
  // expected-error @+1 {{'qcc.squeeze' op expects the per-axis quantized type}}
  %0 = qcc.squeeze %x {axes = array<i64: 0>} : (tensor<1x2x!quant.uniform<i8:f32:0, {0.1}>>) -> tensor<2x!quant.uniform<i8:f32, 0.1>>
  return %0 : tensor<2x!quant.uniform<i8:f32, 0.1>>
}

// -----

// Axes index the result, whose rank is 2 here.
func.func @unsqueeze_axis_out_of_range(%x: tensor<8xf32>) -> tensor<8x1xf32> {
  // expected-error @+1 {{'qcc.unsqueeze' op axis 2 is outside [0, 2)}}
  %0 = qcc.unsqueeze %x {axes = array<i64: 2>} : (tensor<8xf32>) -> tensor<8x1xf32>
  return %0 : tensor<8x1xf32>
}

// -----

func.func @unsqueeze_result_shape(%x: tensor<8xf32>) -> tensor<8x1xf32> {
  // expected-error @+1 {{'qcc.unsqueeze' op result shape 8x1 should be 1x8}}
  %0 = qcc.unsqueeze %x {axes = array<i64: 0>} : (tensor<8xf32>) -> tensor<8x1xf32>
  return %0 : tensor<8x1xf32>
}

// -----

func.func @unsqueeze_per_axis_keeps_old_axis(%x: tensor<2x2x!quant.uniform<i8:f32:1, {0.1, 0.2}>>) -> tensor<1x2x2x!quant.uniform<i8:f32:1, {0.1, 0.2}>> {
  // expected-error @+1 {{'qcc.unsqueeze' op expects the per-axis quantized type}}
  %0 = qcc.unsqueeze %x {axes = array<i64: 0>} : (tensor<2x2x!quant.uniform<i8:f32:1, {0.1, 0.2}>>) -> tensor<1x2x2x!quant.uniform<i8:f32:1, {0.1, 0.2}>>
  return %0 : tensor<1x2x2x!quant.uniform<i8:f32:1, {0.1, 0.2}>>
}

// -----

func.func @transpose_perms_count(%x: tensor<2x3x4xf32>) -> tensor<3x2x4xf32> {
  // expected-error @+1 {{'qcc.transpose' op expects 3 permutation entries, got 2}}
  %0 = qcc.transpose %x {perms = array<i64: 1, 0>} : (tensor<2x3x4xf32>) -> tensor<3x2x4xf32>
  return %0 : tensor<3x2x4xf32>
}

// -----

func.func @transpose_perms_repeat(%x: tensor<2x3x4xf32>) -> tensor<3x3x4xf32> {
  // expected-error @+1 {{'qcc.transpose' op permutation entry 1 is listed twice}}
  %0 = qcc.transpose %x {perms = array<i64: 1, 1, 2>} : (tensor<2x3x4xf32>) -> tensor<3x3x4xf32>
  return %0 : tensor<3x3x4xf32>
}

// -----

func.func @transpose_perms_out_of_range(%x: tensor<2x3xf32>) -> tensor<3x2xf32> {
  // expected-error @+1 {{'qcc.transpose' op permutation entry 2 is outside [0, 2)}}
  %0 = qcc.transpose %x {perms = array<i64: 2, 0>} : (tensor<2x3xf32>) -> tensor<3x2xf32>
  return %0 : tensor<3x2xf32>
}

// -----

func.func @transpose_result_shape(%x: tensor<2x3x4xf32>) -> tensor<2x3x4xf32> {
  // expected-error @+1 {{'qcc.transpose' op result shape 2x3x4 should be 2x4x3}}
  %0 = qcc.transpose %x {perms = array<i64: 0, 2, 1>} : (tensor<2x3x4xf32>) -> tensor<2x3x4xf32>
  return %0 : tensor<2x3x4xf32>
}

// -----

func.func @transpose_per_axis_keeps_old_axis(%x: tensor<2x2x!quant.uniform<i8:f32:0, {0.1, 0.2}>>) -> tensor<2x2x!quant.uniform<i8:f32:0, {0.1, 0.2}>> {
  // expected-error @+1 {{'qcc.transpose' op expects the per-axis quantized type}}
  %0 = qcc.transpose %x {perms = array<i64: 1, 0>} : (tensor<2x2x!quant.uniform<i8:f32:0, {0.1, 0.2}>>) -> tensor<2x2x!quant.uniform<i8:f32:0, {0.1, 0.2}>>
  return %0 : tensor<2x2x!quant.uniform<i8:f32:0, {0.1, 0.2}>>
}

// -----

// Same axis, but the scales must move too.
func.func @transpose_per_axis_scales(%x: tensor<2x3x!quant.uniform<i8:f32:0, {0.1, 0.2}>>) -> tensor<3x2x!quant.uniform<i8:f32:1, {0.2, 0.1}>> {
  // expected-error @+1 {{'qcc.transpose' op expects the per-axis quantized type}}
  %0 = qcc.transpose %x {perms = array<i64: 1, 0>} : (tensor<2x3x!quant.uniform<i8:f32:0, {0.1, 0.2}>>) -> tensor<3x2x!quant.uniform<i8:f32:1, {0.2, 0.1}>>
  return %0 : tensor<3x2x!quant.uniform<i8:f32:1, {0.2, 0.1}>>
}

// -----

func.func @pad_amount_count(%x: tensor<4x4xf32>) -> tensor<6x6xf32> {
  // expected-error @+1 {{'qcc.pad' op expects 4 pad amounts (begin and end per dimension), got 2}}
  %0 = qcc.pad %x {pads = array<i64: 1, 1>} : (tensor<4x4xf32>) -> tensor<6x6xf32>
  return %0 : tensor<6x6xf32>
}

// -----

func.func @pad_crop_below_zero(%x: tensor<4x4xf32>) -> tensor<0x4xf32> {
  // expected-error @+1 {{'qcc.pad' op pads crop dimension 0 of size 4 below zero}}
  %0 = qcc.pad %x {pads = array<i64: -3, 0, -2, 0>} : (tensor<4x4xf32>) -> tensor<0x4xf32>
  return %0 : tensor<0x4xf32>
}

// -----

func.func @pad_edge_empty_dimension(%x: tensor<0x4xf32>) -> tensor<2x4xf32> {
  // expected-error @+1 {{'qcc.pad' op cannot edge-pad empty dimension 0}}
  %0 = qcc.pad %x {pads = array<i64: 1, 0, 1, 0>, mode = #qcc.pad_mode<edge>} : (tensor<0x4xf32>) -> tensor<2x4xf32>
  return %0 : tensor<2x4xf32>
}

// -----

func.func @pad_wrap_empty_dimension(%x: tensor<0x4xf32>) -> tensor<2x4xf32> {
  // expected-error @+1 {{'qcc.pad' op cannot wrap-pad empty dimension 0}}
  %0 = qcc.pad %x {pads = array<i64: 1, 0, 1, 0>, mode = #qcc.pad_mode<wrap>} : (tensor<0x4xf32>) -> tensor<2x4xf32>
  return %0 : tensor<2x4xf32>
}

// -----

func.func @pad_integer_non_integral_value(%x: tensor<4xi8>) -> tensor<6xi8> {
  // expected-error @+1 {{'qcc.pad' op expects an integral fill value for an integer tensor}}
  %0 = qcc.pad %x {pads = array<i64: 1, 1>, value = 0.5 : f64} : (tensor<4xi8>) -> tensor<6xi8>
  return %0 : tensor<6xi8>
}

// -----

func.func @pad_result_shape(%x: tensor<4x4xf32>) -> tensor<6x6xf32> {
  // expected-error @+1 {{'qcc.pad' op result shape 6x6 should be 6x5}}
  %0 = qcc.pad %x {pads = array<i64: 1, 1, 1, 0>} : (tensor<4x4xf32>) -> tensor<6x6xf32>
  return %0 : tensor<6x6xf32>
}

// -----

func.func @pad_element_type(%x: tensor<4xf32>) -> tensor<6xf16> {
  // expected-error @+1 {{'qcc.pad' op expects result element type 'f32', got 'f16'}}
  %0 = qcc.pad %x {pads = array<i64: 1, 1>} : (tensor<4xf32>) -> tensor<6xf16>
  return %0 : tensor<6xf16>
}

// -----

func.func @resize_rank(%x: tensor<1x8x4x4xf32>) -> tensor<8x8x8xf32> {
  // expected-error @+1 {{'qcc.resize' op expects a result of rank 4, got rank 3}}
  %0 = qcc.resize %x : (tensor<1x8x4x4xf32>) -> tensor<8x8x8xf32>
  return %0 : tensor<8x8x8xf32>
}

// -----

func.func @resize_scale_count(%x: tensor<1x8x4x4xf32>) -> tensor<1x8x8x8xf32> {
  // expected-error @+1 {{'qcc.resize' op expects 4 scales, got 2}}
  %0 = qcc.resize %x {scales = array<f32: 2.0, 2.0>} : (tensor<1x8x4x4xf32>) -> tensor<1x8x8x8xf32>
  return %0 : tensor<1x8x8x8xf32>
}

// -----

func.func @resize_scales_mismatch(%x: tensor<1x8x4x4xf32>) -> tensor<1x8x8x8xf32> {
  // expected-error @+1 {{'qcc.resize' op dimension 3: 4 * scale 3.000000e+00 gives 12, not 8}}
  %0 = qcc.resize %x {scales = array<f32: 1.0, 1.0, 2.0, 3.0>} : (tensor<1x8x4x4xf32>) -> tensor<1x8x8x8xf32>
  return %0 : tensor<1x8x8x8xf32>
}

// -----

func.func @resize_zero_scale(%x: tensor<1x8x4x4xf32>) -> tensor<1x8x8x8xf32> {
  // expected-error @+1 {{'qcc.resize' op expects positive, finite scales}}
  %0 = qcc.resize %x {scales = array<f32: 1.0, 0.0, 2.0, 2.0>} : (tensor<1x8x4x4xf32>) -> tensor<1x8x8x8xf32>
  return %0 : tensor<1x8x8x8xf32>
}

// -----

func.func @resize_integer(%x: tensor<1x8x4x4xi8>) -> tensor<1x8x8x8xi8> {
  // expected-error @+1 {{'qcc.resize' op operand #0 must be ranked tensor of floating-point or uniform quantized type values, but got 'tensor<1x8x4x4xi8>'}}
  %0 = qcc.resize %x : (tensor<1x8x4x4xi8>) -> tensor<1x8x8x8xi8>
  return %0 : tensor<1x8x8x8xi8>
}

// -----

func.func @resize_roi_without_crop(%x: tensor<1x8x4x4xf32>) -> tensor<1x8x8x8xf32> {
  // expected-error @+1 {{'qcc.resize' op expects roi exactly with the tf_crop_and_resize coordinate transform}}
  %0 = qcc.resize %x {roi = array<f32: 0.0, 0.0, 0.0, 0.0, 1.0, 1.0, 1.0, 1.0>} : (tensor<1x8x4x4xf32>) -> tensor<1x8x8x8xf32>
  return %0 : tensor<1x8x8x8xf32>
}

// -----

func.func @resize_crop_without_roi(%x: tensor<1x8x4x4xf32>) -> tensor<1x8x8x8xf32> {
  // expected-error @+1 {{'qcc.resize' op expects roi exactly with the tf_crop_and_resize coordinate transform}}
  %0 = qcc.resize %x {coordinate_transform = #qcc.coordinate_transform<tf_crop_and_resize>} : (tensor<1x8x4x4xf32>) -> tensor<1x8x8x8xf32>
  return %0 : tensor<1x8x8x8xf32>
}

// -----

// roi holds a start and an end per dimension.
func.func @resize_roi_count(%x: tensor<1x8x4x4xf32>) -> tensor<1x8x8x8xf32> {
  // expected-error @+1 {{'qcc.resize' op expects 8 roi values, got 4}}
  %0 = qcc.resize %x {coordinate_transform = #qcc.coordinate_transform<tf_crop_and_resize>, roi = array<f32: 0.0, 0.0, 1.0, 1.0>} : (tensor<1x8x4x4xf32>) -> tensor<1x8x8x8xf32>
  return %0 : tensor<1x8x8x8xf32>
}

// -----

// With a roi, out = floor(in * (end - start) * scale): 8 * 0.5 * 2 = 8.
func.func @resize_crop_scales_mismatch(%x: tensor<1x3x8x8xf32>) -> tensor<1x3x16x16xf32> {
  // expected-error @+1 {{'qcc.resize' op dimension 2: 8 * scale 2.000000e+00 gives 8, not 16}}
  %0 = qcc.resize %x {coordinate_transform = #qcc.coordinate_transform<tf_crop_and_resize>, roi = array<f32: 0.0, 0.0, 0.25, 0.25, 1.0, 1.0, 0.75, 0.75>, scales = array<f32: 1.0, 1.0, 2.0, 2.0>} : (tensor<1x3x8x8xf32>) -> tensor<1x3x16x16xf32>
  return %0 : tensor<1x3x16x16xf32>
}

// -----

func.func @resize_extrapolation_value_f64(%x: tensor<1x8x4x4xf32>) -> tensor<1x8x8x8xf32> {
  // expected-error @+1 {{attribute 'extrapolation_value' failed to satisfy constraint: 32-bit float attribute}}
  %0 = qcc.resize %x {coordinate_transform = #qcc.coordinate_transform<tf_crop_and_resize>, roi = array<f32: 0.0, 0.0, 0.0, 0.0, 1.0, 1.0, 1.0, 1.0>, extrapolation_value = 1.0 : f64} : (tensor<1x8x4x4xf32>) -> tensor<1x8x8x8xf32>
  return %0 : tensor<1x8x8x8xf32>
}

// -----

//===----------------------------------------------------------------------===//
// qcc.quantize, qcc.dequantize, qcc.requantize
//===----------------------------------------------------------------------===//

func.func @quantize_expressed_type_mismatch(%x: tensor<4xf32>) -> tensor<4x!quant.uniform<i8:f16, 0.1>> {
  // expected-error @+1 {{'qcc.quantize' op expects the expressed type 'f16' to be 'f32'}}
  %0 = qcc.quantize %x : (tensor<4xf32>) -> tensor<4x!quant.uniform<i8:f16, 0.1>>
  return %0 : tensor<4x!quant.uniform<i8:f16, 0.1>>
}

// -----

func.func @quantize_result_shape(%x: tensor<4xf32>) -> tensor<5x!quant.uniform<i8:f32, 0.1>> {
  // expected-error @+1 {{'qcc.quantize' op result shape 5 should be 4}}
  %0 = qcc.quantize %x : (tensor<4xf32>) -> tensor<5x!quant.uniform<i8:f32, 0.1>>
  return %0 : tensor<5x!quant.uniform<i8:f32, 0.1>>
}

// -----

func.func @quantize_to_integer(%x: tensor<4xf32>) -> tensor<4xi8> {
  // expected-error @+1 {{'qcc.quantize' op result #0 must be ranked tensor of uniform quantized type values, but got 'tensor<4xi8>'}}
  %0 = qcc.quantize %x : (tensor<4xf32>) -> tensor<4xi8>
  return %0 : tensor<4xi8>
}

// -----

func.func @dequantize_expressed_type_mismatch(%x: tensor<4x!quant.uniform<i8:f32, 0.1>>) -> tensor<4xf16> {
  // expected-error @+1 {{'qcc.dequantize' op expects the expressed type 'f16' to be 'f32'}}
  %0 = qcc.dequantize %x : (tensor<4x!quant.uniform<i8:f32, 0.1>>) -> tensor<4xf16>
  return %0 : tensor<4xf16>
}

// -----

func.func @dequantize_float(%x: tensor<4xf32>) -> tensor<4xf32> {
  // expected-error @+1 {{'qcc.dequantize' op operand #0 must be ranked tensor of uniform quantized type values, but got 'tensor<4xf32>'}}
  %0 = qcc.dequantize %x : (tensor<4xf32>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

func.func @requantize_expressed_type_mismatch(%x: tensor<4x!quant.uniform<i32:f32, 0.1>>) -> tensor<4x!quant.uniform<i8:bf16, 0.1>> {
  // expected-error @+1 {{'qcc.requantize' op expects the expressed type 'bf16' to be 'f32'}}
  %0 = qcc.requantize %x : (tensor<4x!quant.uniform<i32:f32, 0.1>>) -> tensor<4x!quant.uniform<i8:bf16, 0.1>>
  return %0 : tensor<4x!quant.uniform<i8:bf16, 0.1>>
}

// -----

func.func @requantize_result_shape(%x: tensor<4x!quant.uniform<i32:f32, 0.1>>) -> tensor<2x2x!quant.uniform<i8:f32, 0.1>> {
  // expected-error @+1 {{'qcc.requantize' op result shape 2x2 should be 4}}
  %0 = qcc.requantize %x : (tensor<4x!quant.uniform<i32:f32, 0.1>>) -> tensor<2x2x!quant.uniform<i8:f32, 0.1>>
  return %0 : tensor<2x2x!quant.uniform<i8:f32, 0.1>>
}

// -----

func.func @requantize_integer(%x: tensor<4xi32>) -> tensor<4x!quant.uniform<i8:f32, 0.1>> {
  // expected-error @+1 {{'qcc.requantize' op operand #0 must be ranked tensor of uniform quantized type values, but got 'tensor<4xi32>'}}
  %0 = qcc.requantize %x : (tensor<4xi32>) -> tensor<4x!quant.uniform<i8:f32, 0.1>>
  return %0 : tensor<4x!quant.uniform<i8:f32, 0.1>>
}

// -----

//===----------------------------------------------------------------------===//
// qcc.storage_cast, qcc.dynamic_quantize
//===----------------------------------------------------------------------===//

// u8 storage is ui8.
func.func @storage_cast_signless_to_unsigned_storage(%x: tensor<4xi8>) -> tensor<4x!quant.uniform<u8:f32, 0.1:128>> {
  // expected-error @+1 {{'qcc.storage_cast' op expects the integer type to be the storage of '!quant.uniform<u8:f32, 1.000000e-01:128>' (ui8), got 'i8'}}
  %0 = qcc.storage_cast %x : (tensor<4xi8>) -> tensor<4x!quant.uniform<u8:f32, 0.1:128>>
  return %0 : tensor<4x!quant.uniform<u8:f32, 0.1:128>>
}

// -----

func.func @storage_cast_unsigned_to_signed_storage(%x: tensor<4xui8>) -> tensor<4x!quant.uniform<i8:f32, 0.1>> {
  // expected-error @+1 {{'qcc.storage_cast' op expects the integer type to be the storage of '!quant.uniform<i8:f32, 1.000000e-01>' (i8), got 'ui8'}}
  %0 = qcc.storage_cast %x : (tensor<4xui8>) -> tensor<4x!quant.uniform<i8:f32, 0.1>>
  return %0 : tensor<4x!quant.uniform<i8:f32, 0.1>>
}

// -----

// Signed storage is signless, not si8.
func.func @storage_cast_si8(%x: tensor<4x!quant.uniform<i8:f32, 0.1>>) -> tensor<4xsi8> {
  // expected-error @+1 {{'qcc.storage_cast' op expects the integer type to be the storage of '!quant.uniform<i8:f32, 1.000000e-01>' (i8), got 'si8'}}
  %0 = qcc.storage_cast %x : (tensor<4x!quant.uniform<i8:f32, 0.1>>) -> tensor<4xsi8>
  return %0 : tensor<4xsi8>
}

// -----

func.func @storage_cast_wrong_width(%x: tensor<4xi16>) -> tensor<4x!quant.uniform<i8:f32, 0.1>> {
  // expected-error @+1 {{'qcc.storage_cast' op expects the integer type to be the storage of '!quant.uniform<i8:f32, 1.000000e-01>' (i8), got 'i16'}}
  %0 = qcc.storage_cast %x : (tensor<4xi16>) -> tensor<4x!quant.uniform<i8:f32, 0.1>>
  return %0 : tensor<4x!quant.uniform<i8:f32, 0.1>>
}

// -----

func.func @storage_cast_float(%x: tensor<4xf32>) -> tensor<4x!quant.uniform<i8:f32, 0.1>> {
  // expected-error @+1 {{'qcc.storage_cast' op expects the integer type to be the storage of '!quant.uniform<i8:f32, 1.000000e-01>' (i8), got 'f32'}}
  %0 = qcc.storage_cast %x : (tensor<4xf32>) -> tensor<4x!quant.uniform<i8:f32, 0.1>>
  return %0 : tensor<4x!quant.uniform<i8:f32, 0.1>>
}

// -----

// Changing quantization parameters is qcc.requantize.
func.func @storage_cast_both_quantized(%x: tensor<4x!quant.uniform<i8:f32, 0.1>>) -> tensor<4x!quant.uniform<i8:f32, 0.2>> {
  // expected-error @+1 {{'qcc.storage_cast' op expects exactly one of input and result to be quantized, got '!quant.uniform<i8:f32, 1.000000e-01>' and '!quant.uniform<i8:f32, 2.000000e-01>'}}
  %0 = qcc.storage_cast %x : (tensor<4x!quant.uniform<i8:f32, 0.1>>) -> tensor<4x!quant.uniform<i8:f32, 0.2>>
  return %0 : tensor<4x!quant.uniform<i8:f32, 0.2>>
}

// -----

func.func @storage_cast_neither_quantized(%x: tensor<4xi8>) -> tensor<4xui8> {
  // expected-error @+1 {{'qcc.storage_cast' op expects exactly one of input and result to be quantized, got 'i8' and 'ui8'}}
  %0 = qcc.storage_cast %x : (tensor<4xi8>) -> tensor<4xui8>
  return %0 : tensor<4xui8>
}

// -----

func.func @storage_cast_result_shape(%x: tensor<4xi8>) -> tensor<2x2x!quant.uniform<i8:f32, 0.1>> {
  // expected-error @+1 {{'qcc.storage_cast' op result shape 2x2 should be 4}}
  %0 = qcc.storage_cast %x : (tensor<4xi8>) -> tensor<2x2x!quant.uniform<i8:f32, 0.1>>
  return %0 : tensor<2x2x!quant.uniform<i8:f32, 0.1>>
}

// -----

func.func @dynamic_quantize_signed_output(%x: tensor<6xf32>) -> tensor<6xi8> {
  // expected-error @+1 {{'qcc.dynamic_quantize' op expects ui8 output and zero point}}
  %y, %s, %zp = qcc.dynamic_quantize %x : (tensor<6xf32>) -> (tensor<6xi8>, tensor<f32>, tensor<ui8>)
  return %y : tensor<6xi8>
}

// -----

func.func @dynamic_quantize_signed_zero_point(%x: tensor<6xf32>) -> tensor<i8> {
  // expected-error @+1 {{'qcc.dynamic_quantize' op expects ui8 output and zero point}}
  %y, %s, %zp = qcc.dynamic_quantize %x : (tensor<6xf32>) -> (tensor<6xui8>, tensor<f32>, tensor<i8>)
  return %zp : tensor<i8>
}

// -----

// The parameters are only known at run time: the output is plain ui8.
func.func @dynamic_quantize_quantized_output(%x: tensor<6xf32>) -> tensor<6x!quant.uniform<u8:f32, 0.1:128>> {
  // expected-error @+1 {{'qcc.dynamic_quantize' op expects ui8 output and zero point}}
  %y, %s, %zp = qcc.dynamic_quantize %x : (tensor<6xf32>) -> (tensor<6x!quant.uniform<u8:f32, 0.1:128>>, tensor<f32>, tensor<ui8>)
  return %y : tensor<6x!quant.uniform<u8:f32, 0.1:128>>
}

// -----

func.func @dynamic_quantize_vector_scale(%x: tensor<6xf32>) -> tensor<1xf32> {
  // expected-error @+1 {{'qcc.dynamic_quantize' op expects a scalar (rank-0) scale and zero point}}
  %y, %s, %zp = qcc.dynamic_quantize %x : (tensor<6xf32>) -> (tensor<6xui8>, tensor<1xf32>, tensor<ui8>)
  return %s : tensor<1xf32>
}

// -----

func.func @dynamic_quantize_vector_zero_point(%x: tensor<6xf32>) -> tensor<1xui8> {
  // expected-error @+1 {{'qcc.dynamic_quantize' op expects a scalar (rank-0) scale and zero point}}
  %y, %s, %zp = qcc.dynamic_quantize %x : (tensor<6xf32>) -> (tensor<6xui8>, tensor<f32>, tensor<1xui8>)
  return %zp : tensor<1xui8>
}

// -----

func.func @dynamic_quantize_scale_type(%x: tensor<6xf32>) -> tensor<f16> {
  // expected-error @+1 {{'qcc.dynamic_quantize' op expects a scale of the input's element type}}
  %y, %s, %zp = qcc.dynamic_quantize %x : (tensor<6xf32>) -> (tensor<6xui8>, tensor<f16>, tensor<ui8>)
  return %s : tensor<f16>
}

// -----

func.func @dynamic_quantize_result_shape(%x: tensor<6xf32>) -> tensor<2x3xui8> {
  // expected-error @+1 {{'qcc.dynamic_quantize' op result shape 2x3 should be 6}}
  %y, %s, %zp = qcc.dynamic_quantize %x : (tensor<6xf32>) -> (tensor<2x3xui8>, tensor<f32>, tensor<ui8>)
  return %y : tensor<2x3xui8>
}

// -----

func.func @dynamic_quantize_integer_input(%x: tensor<6xi8>) -> tensor<6xui8> {
  // expected-error @+1 {{'qcc.dynamic_quantize' op operand #0 must be ranked tensor of floating-point values, but got 'tensor<6xi8>'}}
  %y, %s, %zp = qcc.dynamic_quantize %x : (tensor<6xi8>) -> (tensor<6xui8>, tensor<f32>, tensor<ui8>)
  return %y : tensor<6xui8>
}

// -----

func.func @requantize_different_axes(%x: tensor<2x3x!quant.uniform<i32:f32:0, {0.1,0.2}>>) -> tensor<2x3x!quant.uniform<i8:f32:1, {0.1,0.2,0.3}>> {
  // expected-error @+1 {{'qcc.requantize' op expects per-axis input and result quantized along the same axis}}
  %0 = qcc.requantize %x : (tensor<2x3x!quant.uniform<i32:f32:0, {0.1,0.2}>>) -> tensor<2x3x!quant.uniform<i8:f32:1, {0.1,0.2,0.3}>>
  return %0 : tensor<2x3x!quant.uniform<i8:f32:1, {0.1,0.2,0.3}>>
}

// -----

func.func @layer_norm_quantized_statistics(%x: tensor<2x16x!quant.uniform<i8:f32, 0.05:3>>, %g: tensor<16xf32>) -> tensor<2x1xf32> {
  // expected-error @+1 {{'qcc.layer_norm' op on a quantized input needs per-tensor quantized input and result and no statistics}}
  %0, %1 = qcc.layer_norm %x, %g {axis = 1 : i64} : (tensor<2x16x!quant.uniform<i8:f32, 0.05:3>>, tensor<16xf32>) -> (tensor<2x16x!quant.uniform<i8:f32, 0.03:-5>>, tensor<2x1xf32>)
  return %1 : tensor<2x1xf32>
}
