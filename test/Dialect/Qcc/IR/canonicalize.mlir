// RUN: qcc-opt %s -canonicalize -split-input-file | FileCheck %s

// Folders and canonicalization patterns of the qcc dialect.

//===----------------------------------------------------------------------===//
// qcc.reshape
//===----------------------------------------------------------------------===//

// A chain of reshapes becomes one reshape of the original input.
// CHECK-LABEL: func.func @reshape_of_reshape(
// CHECK-SAME: %[[X:.*]]: tensor<2x3x4xf32>)
// CHECK-NEXT: %[[R:.*]] = qcc.reshape %[[X]] : (tensor<2x3x4xf32>) -> tensor<4x6xf32>
// CHECK-NEXT: return %[[R]] : tensor<4x6xf32>
func.func @reshape_of_reshape(%x: tensor<2x3x4xf32>) -> tensor<4x6xf32> {
  %0 = qcc.reshape %x : (tensor<2x3x4xf32>) -> tensor<6x4xf32>
  %1 = qcc.reshape %0 : (tensor<6x4xf32>) -> tensor<24xf32>
  %2 = qcc.reshape %1 : (tensor<24xf32>) -> tensor<4x6xf32>
  return %2 : tensor<4x6xf32>
}

// -----

// The inner reshape stays while it has other users.
// CHECK-LABEL: func.func @reshape_of_reshape_with_other_use(
// CHECK-SAME: %[[X:.*]]: tensor<2x3x4xf32>)
// CHECK-DAG: %[[A:.*]] = qcc.reshape %[[X]] : (tensor<2x3x4xf32>) -> tensor<6x4xf32>
// CHECK-DAG: %[[B:.*]] = qcc.reshape %[[X]] : (tensor<2x3x4xf32>) -> tensor<24xf32>
// CHECK: return %[[A]], %[[B]]
func.func @reshape_of_reshape_with_other_use(%x: tensor<2x3x4xf32>) -> (tensor<6x4xf32>, tensor<24xf32>) {
  %0 = qcc.reshape %x : (tensor<2x3x4xf32>) -> tensor<6x4xf32>
  %1 = qcc.reshape %0 : (tensor<6x4xf32>) -> tensor<24xf32>
  return %0, %1 : tensor<6x4xf32>, tensor<24xf32>
}

// -----

// CHECK-LABEL: func.func @reshape_to_same_type(
// CHECK-SAME: %[[X:.*]]: tensor<2x3xf32>)
// CHECK-NOT: qcc.reshape
// CHECK: return %[[X]] : tensor<2x3xf32>
func.func @reshape_to_same_type(%x: tensor<2x3xf32>) -> tensor<2x3xf32> {
  %0 = qcc.reshape %x : (tensor<2x3xf32>) -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// -----

// Reshaping there and back leaves nothing.
// CHECK-LABEL: func.func @reshape_round_trip(
// CHECK-SAME: %[[X:.*]]: tensor<2x3x!quant.uniform<i8:f32, 1.000000e-01>>)
// CHECK-NOT: qcc.reshape
// CHECK: return %[[X]]
func.func @reshape_round_trip(%x: tensor<2x3x!quant.uniform<i8:f32, 0.1>>) -> tensor<2x3x!quant.uniform<i8:f32, 0.1>> {
  %0 = qcc.reshape %x : (tensor<2x3x!quant.uniform<i8:f32, 0.1>>) -> tensor<6x!quant.uniform<i8:f32, 0.1>>
  %1 = qcc.reshape %0 : (tensor<6x!quant.uniform<i8:f32, 0.1>>) -> tensor<2x3x!quant.uniform<i8:f32, 0.1>>
  return %1 : tensor<2x3x!quant.uniform<i8:f32, 0.1>>
}

// -----

// A dynamic reshape is kept.
// CHECK-LABEL: func.func @reshape_dynamic(
// CHECK: qcc.reshape %{{.*}} : (tensor<?x4xf32>) -> tensor<?x2x2xf32>
func.func @reshape_dynamic(%x: tensor<?x4xf32>) -> tensor<?x2x2xf32> {
  %0 = qcc.reshape %x : (tensor<?x4xf32>) -> tensor<?x2x2xf32>
  return %0 : tensor<?x2x2xf32>
}

// -----

// CHECK-LABEL: func.func @reshape_of_constant(
// CHECK-NEXT: %[[C:.*]] = qcc.constant dense<{{\[}}[1.000000e+00, 2.000000e+00], [3.000000e+00, 4.000000e+00]]> : tensor<2x2xf32>
// CHECK-NEXT: return %[[C]] : tensor<2x2xf32>
func.func @reshape_of_constant() -> tensor<2x2xf32> {
  %0 = qcc.constant dense<[1.0, 2.0, 3.0, 4.0]> : tensor<4xf32>
  %1 = qcc.reshape %0 : (tensor<4xf32>) -> tensor<2x2xf32>
  return %1 : tensor<2x2xf32>
}

// -----

// The stored i8 values are reshaped; the result keeps its quantized type.
// CHECK-LABEL: func.func @reshape_of_quantized_constant(
// CHECK-NEXT: %[[C:.*]] = qcc.constant dense<{{\[}}[1, 2], [3, 4]]> : tensor<2x2xi8> -> tensor<2x2x!quant.uniform<i8:f32, 1.000000e-01:-3>>
// CHECK-NEXT: return %[[C]]
func.func @reshape_of_quantized_constant() -> tensor<2x2x!quant.uniform<i8:f32, 0.1:-3>> {
  %0 = qcc.constant dense<[1, 2, 3, 4]> : tensor<4xi8> -> tensor<4x!quant.uniform<i8:f32, 0.1:-3>>
  %1 = qcc.reshape %0 : (tensor<4x!quant.uniform<i8:f32, 0.1:-3>>) -> tensor<2x2x!quant.uniform<i8:f32, 0.1:-3>>
  return %1 : tensor<2x2x!quant.uniform<i8:f32, 0.1:-3>>
}

// -----

// u8 storage: the stored values are ui8 and reshape as such.
// CHECK-LABEL: func.func @reshape_of_unsigned_quantized_constant(
// CHECK-NEXT: %[[C:.*]] = qcc.constant dense<{{\[}}[0, 128], [200, 255]]> : tensor<2x2xui8> -> tensor<2x2x!quant.uniform<u8:f32, 2.000000e-02:128>>
// CHECK-NEXT: return %[[C]]
func.func @reshape_of_unsigned_quantized_constant() -> tensor<2x2x!quant.uniform<u8:f32, 0.02:128>> {
  %0 = qcc.constant dense<[0, 128, 200, 255]> : tensor<4xui8> -> tensor<4x!quant.uniform<u8:f32, 0.02:128>>
  %1 = qcc.reshape %0 : (tensor<4x!quant.uniform<u8:f32, 0.02:128>>) -> tensor<2x2x!quant.uniform<u8:f32, 0.02:128>>
  return %1 : tensor<2x2x!quant.uniform<u8:f32, 0.02:128>>
}

// -----

// Per-axis quantization along an axis the reshape keeps.
// CHECK-LABEL: func.func @reshape_of_per_axis_constant(
// CHECK-NEXT: %[[C:.*]] = qcc.constant dense<{{\[}}{{\[}}[1, 2]], {{\[}}[3, 4]]]> : tensor<2x1x2xi8> -> tensor<2x1x2x!quant.uniform<i8:f32:0, {1.000000e-01,2.000000e-01}>>
// CHECK-NEXT: return %[[C]]
func.func @reshape_of_per_axis_constant() -> tensor<2x1x2x!quant.uniform<i8:f32:0, {0.1, 0.2}>> {
  %0 = qcc.constant dense<[[1, 2], [3, 4]]> : tensor<2x2xi8> -> tensor<2x2x!quant.uniform<i8:f32:0, {0.1, 0.2}>>
  %1 = qcc.reshape %0 : (tensor<2x2x!quant.uniform<i8:f32:0, {0.1, 0.2}>>) -> tensor<2x1x2x!quant.uniform<i8:f32:0, {0.1, 0.2}>>
  return %1 : tensor<2x1x2x!quant.uniform<i8:f32:0, {0.1, 0.2}>>
}

// -----

//===----------------------------------------------------------------------===//
// qcc.flatten, qcc.squeeze, qcc.unsqueeze
//===----------------------------------------------------------------------===//

// With a static result shape, these are plain reshapes.
// CHECK-LABEL: func.func @to_reshape(
// CHECK-SAME: %[[X:.*]]: tensor<2x3x4xf32>, %[[Y:.*]]: tensor<1x8x1xf32>, %[[Z:.*]]: tensor<8x!quant.uniform<u8:f32, 2.000000e-02:128>>)
// CHECK-NEXT: %[[F:.*]] = qcc.reshape %[[X]] : (tensor<2x3x4xf32>) -> tensor<2x12xf32>
// CHECK-NEXT: %[[S:.*]] = qcc.reshape %[[Y]] : (tensor<1x8x1xf32>) -> tensor<8xf32>
// CHECK-NEXT: %[[U:.*]] = qcc.reshape %[[Z]] : (tensor<8x!quant.uniform<u8:f32, 2.000000e-02:128>>) -> tensor<1x8x1x!quant.uniform<u8:f32, 2.000000e-02:128>>
// CHECK-NEXT: return %[[F]], %[[S]], %[[U]]
func.func @to_reshape(%x: tensor<2x3x4xf32>, %y: tensor<1x8x1xf32>, %z: tensor<8x!quant.uniform<u8:f32, 0.02:128>>) -> (tensor<2x12xf32>, tensor<8xf32>, tensor<1x8x1x!quant.uniform<u8:f32, 0.02:128>>) {
  %0 = qcc.flatten %x : (tensor<2x3x4xf32>) -> tensor<2x12xf32>
  %1 = qcc.squeeze %y {axes = array<i64: 0, 2>} : (tensor<1x8x1xf32>) -> tensor<8xf32>
  %2 = qcc.unsqueeze %z {axes = array<i64: 0, 2>} : (tensor<8x!quant.uniform<u8:f32, 0.02:128>>) -> tensor<1x8x1x!quant.uniform<u8:f32, 0.02:128>>
  return %0, %1, %2 : tensor<2x12xf32>, tensor<8xf32>, tensor<1x8x1x!quant.uniform<u8:f32, 0.02:128>>
}

// -----

// A dynamic result shape is not a static reshape: the ops stay.
// CHECK-LABEL: func.func @to_reshape_dynamic(
// CHECK-NEXT: qcc.flatten %{{.*}} : (tensor<?x3x4xf32>) -> tensor<?x12xf32>
// CHECK-NEXT: qcc.squeeze %{{.*}} {axes = array<i64: 1>} : (tensor<?x1xf32>) -> tensor<?xf32>
// CHECK-NEXT: qcc.unsqueeze %{{.*}} {axes = array<i64: 0>} : (tensor<?xf32>) -> tensor<1x?xf32>
// CHECK-NOT: qcc.reshape
func.func @to_reshape_dynamic(%x: tensor<?x3x4xf32>, %y: tensor<?x1xf32>, %z: tensor<?xf32>) -> (tensor<?x12xf32>, tensor<?xf32>, tensor<1x?xf32>) {
  %0 = qcc.flatten %x : (tensor<?x3x4xf32>) -> tensor<?x12xf32>
  %1 = qcc.squeeze %y {axes = array<i64: 1>} : (tensor<?x1xf32>) -> tensor<?xf32>
  %2 = qcc.unsqueeze %z {axes = array<i64: 0>} : (tensor<?xf32>) -> tensor<1x?xf32>
  return %0, %1, %2 : tensor<?x12xf32>, tensor<?xf32>, tensor<1x?xf32>
}

// -----

// flatten -> reshape -> reshape of reshape -> one reshape.
// CHECK-LABEL: func.func @flatten_of_squeeze(
// CHECK-SAME: %[[X:.*]]: tensor<1x8x1x1xf32>)
// CHECK-NEXT: %[[R:.*]] = qcc.reshape %[[X]] : (tensor<1x8x1x1xf32>) -> tensor<1x8xf32>
// CHECK-NEXT: return %[[R]]
func.func @flatten_of_squeeze(%x: tensor<1x8x1x1xf32>) -> tensor<1x8xf32> {
  %0 = qcc.squeeze %x {axes = array<i64: 3>} : (tensor<1x8x1x1xf32>) -> tensor<1x8x1xf32>
  %1 = qcc.flatten %0 : (tensor<1x8x1xf32>) -> tensor<1x8xf32>
  return %1 : tensor<1x8xf32>
}

// -----

// ...and of a constant, a constant.
// CHECK-LABEL: func.func @flatten_of_constant(
// CHECK-NEXT: %[[C:.*]] = qcc.constant dense<{{\[}}[1.000000e+00, 2.000000e+00, 3.000000e+00, 4.000000e+00]]> : tensor<1x4xf32>
// CHECK-NEXT: return %[[C]]
func.func @flatten_of_constant() -> tensor<1x4xf32> {
  %0 = qcc.constant dense<[[1.0, 2.0], [3.0, 4.0]]> : tensor<2x2xf32>
  %1 = qcc.flatten %0 {axis = 0 : i64} : (tensor<2x2xf32>) -> tensor<1x4xf32>
  return %1 : tensor<1x4xf32>
}

// -----

//===----------------------------------------------------------------------===//
// qcc.transpose
//===----------------------------------------------------------------------===//

// CHECK-LABEL: func.func @transpose_identity(
// CHECK-SAME: %[[X:.*]]: tensor<1x2x3xf32>)
// CHECK-NOT: qcc.transpose
// CHECK: return %[[X]] : tensor<1x2x3xf32>
func.func @transpose_identity(%x: tensor<1x2x3xf32>) -> tensor<1x2x3xf32> {
  %0 = qcc.transpose %x {perms = array<i64: 0, 1, 2>} : (tensor<1x2x3xf32>) -> tensor<1x2x3xf32>
  return %0 : tensor<1x2x3xf32>
}

// -----

// With identity perms, a transpose that only refines the type (? -> 2) is not
// a no-op: it is kept, as the folder may not change the result type.
// CHECK-LABEL: func.func @transpose_identity_refining_type(
// CHECK-SAME: %[[X:.*]]: tensor<?x3xf32>)
// CHECK-NEXT: %[[T:.*]] = qcc.transpose %[[X]] {perms = array<i64: 0, 1>} : (tensor<?x3xf32>) -> tensor<2x3xf32>
// CHECK-NEXT: return %[[T]] : tensor<2x3xf32>
func.func @transpose_identity_refining_type(%x: tensor<?x3xf32>) -> tensor<2x3xf32> {
  %0 = qcc.transpose %x {perms = array<i64: 0, 1>} : (tensor<?x3xf32>) -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// -----

// NCHW -> NHWC twice: result dimension i is input dimension
// inner[outer[i]] = [0, 2, 3, 1][[0, 2, 3, 1][i]] = [0, 3, 1, 2][i].
// CHECK-LABEL: func.func @transpose_of_transpose(
// CHECK-SAME: %[[X:.*]]: tensor<1x2x3x4xf32>)
// CHECK-NEXT: %[[T:.*]] = qcc.transpose %[[X]] {perms = array<i64: 0, 3, 1, 2>} : (tensor<1x2x3x4xf32>) -> tensor<1x4x2x3xf32>
// CHECK-NEXT: return %[[T]]
func.func @transpose_of_transpose(%x: tensor<1x2x3x4xf32>) -> tensor<1x4x2x3xf32> {
  %0 = qcc.transpose %x {perms = array<i64: 0, 2, 3, 1>} : (tensor<1x2x3x4xf32>) -> tensor<1x3x4x2xf32>
  %1 = qcc.transpose %0 {perms = array<i64: 0, 2, 3, 1>} : (tensor<1x3x4x2xf32>) -> tensor<1x4x2x3xf32>
  return %1 : tensor<1x4x2x3xf32>
}

// -----

// A non-symmetric pair, to pin down the order of composition.
// CHECK-LABEL: func.func @transpose_of_transpose_order(
// CHECK-SAME: %[[X:.*]]: tensor<2x3x4xf32>)
// CHECK-NEXT: %[[T:.*]] = qcc.transpose %[[X]] {perms = array<i64: 2, 1, 0>} : (tensor<2x3x4xf32>) -> tensor<4x3x2xf32>
// CHECK-NEXT: return %[[T]]
func.func @transpose_of_transpose_order(%x: tensor<2x3x4xf32>) -> tensor<4x3x2xf32> {
  %0 = qcc.transpose %x {perms = array<i64: 1, 2, 0>} : (tensor<2x3x4xf32>) -> tensor<3x4x2xf32>
  %1 = qcc.transpose %0 {perms = array<i64: 1, 0, 2>} : (tensor<3x4x2xf32>) -> tensor<4x3x2xf32>
  return %1 : tensor<4x3x2xf32>
}

// -----

// NCHW -> NHWC -> NCHW composes to the identity, which folds away.
// CHECK-LABEL: func.func @transpose_inverse_pair(
// CHECK-SAME: %[[X:.*]]: tensor<1x2x3x4x!quant.uniform<i8:f32, 1.000000e-01>>)
// CHECK-NOT: qcc.transpose
// CHECK: return %[[X]]
func.func @transpose_inverse_pair(%x: tensor<1x2x3x4x!quant.uniform<i8:f32, 0.1>>) -> tensor<1x2x3x4x!quant.uniform<i8:f32, 0.1>> {
  %0 = qcc.transpose %x {perms = array<i64: 0, 2, 3, 1>} : (tensor<1x2x3x4x!quant.uniform<i8:f32, 0.1>>) -> tensor<1x3x4x2x!quant.uniform<i8:f32, 0.1>>
  %1 = qcc.transpose %0 {perms = array<i64: 0, 3, 1, 2>} : (tensor<1x3x4x2x!quant.uniform<i8:f32, 0.1>>) -> tensor<1x2x3x4x!quant.uniform<i8:f32, 0.1>>
  return %1 : tensor<1x2x3x4x!quant.uniform<i8:f32, 0.1>>
}

// -----

//===----------------------------------------------------------------------===//
// qcc.requantize
//===----------------------------------------------------------------------===//

// CHECK-LABEL: func.func @requantize_to_same_type(
// CHECK-SAME: %[[X:.*]]: tensor<4x!quant.uniform<i8:f32, 1.000000e-01>>)
// CHECK-NOT: qcc.requantize
// CHECK: return %[[X]]
func.func @requantize_to_same_type(%x: tensor<4x!quant.uniform<i8:f32, 0.1>>) -> tensor<4x!quant.uniform<i8:f32, 0.1>> {
  %0 = qcc.requantize %x : (tensor<4x!quant.uniform<i8:f32, 0.1>>) -> tensor<4x!quant.uniform<i8:f32, 0.1>>
  return %0 : tensor<4x!quant.uniform<i8:f32, 0.1>>
}

// -----

// Requantizing to another scale and back is lossy and is kept.
// CHECK-LABEL: func.func @requantize_round_trip(
// CHECK: qcc.requantize %{{.*}} : (tensor<4x!quant.uniform<i8:f32, 1.000000e-01>>) -> tensor<4x!quant.uniform<i8:f32, 2.000000e-01>>
// CHECK: qcc.requantize %{{.*}} : (tensor<4x!quant.uniform<i8:f32, 2.000000e-01>>) -> tensor<4x!quant.uniform<i8:f32, 1.000000e-01>>
func.func @requantize_round_trip(%x: tensor<4x!quant.uniform<i8:f32, 0.1>>) -> tensor<4x!quant.uniform<i8:f32, 0.1>> {
  %0 = qcc.requantize %x : (tensor<4x!quant.uniform<i8:f32, 0.1>>) -> tensor<4x!quant.uniform<i8:f32, 0.2>>
  %1 = qcc.requantize %0 : (tensor<4x!quant.uniform<i8:f32, 0.2>>) -> tensor<4x!quant.uniform<i8:f32, 0.1>>
  return %1 : tensor<4x!quant.uniform<i8:f32, 0.1>>
}

// -----

//===----------------------------------------------------------------------===//
// qcc.storage_cast
//===----------------------------------------------------------------------===//

// Casting to the storage type and back (either way round) is a no-op.
// CHECK-LABEL: func.func @storage_cast_round_trip(
// CHECK-SAME: %[[X:.*]]: tensor<4xi8>, %[[Q:.*]]: tensor<2x!quant.uniform<u8:f32:0, {1.000000e-01,2.000000e-01}>>)
// CHECK-NOT: qcc.storage_cast
// CHECK: return %[[X]], %[[Q]]
func.func @storage_cast_round_trip(%x: tensor<4xi8>, %q: tensor<2x!quant.uniform<u8:f32:0, {0.1, 0.2}>>) -> (tensor<4xi8>, tensor<2x!quant.uniform<u8:f32:0, {0.1, 0.2}>>) {
  %0 = qcc.storage_cast %x : (tensor<4xi8>) -> tensor<4x!quant.uniform<i8:f32, 0.1>>
  %1 = qcc.storage_cast %0 : (tensor<4x!quant.uniform<i8:f32, 0.1>>) -> tensor<4xi8>
  %2 = qcc.storage_cast %q : (tensor<2x!quant.uniform<u8:f32:0, {0.1, 0.2}>>) -> tensor<2xui8>
  %3 = qcc.storage_cast %2 : (tensor<2xui8>) -> tensor<2x!quant.uniform<u8:f32:0, {0.1, 0.2}>>
  return %1, %3 : tensor<4xi8>, tensor<2x!quant.uniform<u8:f32:0, {0.1, 0.2}>>
}

// -----

// Stored integers given other quantization parameters change the values they
// stand for: both casts stay.
// CHECK-LABEL: func.func @storage_cast_to_other_parameters(
// CHECK-SAME: %[[X:.*]]: tensor<4x!quant.uniform<i8:f32, 1.000000e-01>>)
// CHECK-NEXT: %[[I:.*]] = qcc.storage_cast %[[X]] : (tensor<4x!quant.uniform<i8:f32, 1.000000e-01>>) -> tensor<4xi8>
// CHECK-NEXT: %[[Q:.*]] = qcc.storage_cast %[[I]] : (tensor<4xi8>) -> tensor<4x!quant.uniform<i8:f32, 2.000000e-01>>
// CHECK-NEXT: return %[[Q]]
func.func @storage_cast_to_other_parameters(%x: tensor<4x!quant.uniform<i8:f32, 0.1>>) -> tensor<4x!quant.uniform<i8:f32, 0.2>> {
  %0 = qcc.storage_cast %x : (tensor<4x!quant.uniform<i8:f32, 0.1>>) -> tensor<4xi8>
  %1 = qcc.storage_cast %0 : (tensor<4xi8>) -> tensor<4x!quant.uniform<i8:f32, 0.2>>
  return %1 : tensor<4x!quant.uniform<i8:f32, 0.2>>
}

// -----

// The round trip ends in a more static type than it started from: kept.
// CHECK-LABEL: func.func @storage_cast_round_trip_refining_type(
// CHECK-SAME: %[[X:.*]]: tensor<?xi8>)
// CHECK-NEXT: %[[Q:.*]] = qcc.storage_cast %[[X]] : (tensor<?xi8>) -> tensor<4x!quant.uniform<i8:f32, 1.000000e-01>>
// CHECK-NEXT: %[[I:.*]] = qcc.storage_cast %[[Q]] : (tensor<4x!quant.uniform<i8:f32, 1.000000e-01>>) -> tensor<4xi8>
// CHECK-NEXT: return %[[I]]
func.func @storage_cast_round_trip_refining_type(%x: tensor<?xi8>) -> tensor<4xi8> {
  %0 = qcc.storage_cast %x : (tensor<?xi8>) -> tensor<4x!quant.uniform<i8:f32, 0.1>>
  %1 = qcc.storage_cast %0 : (tensor<4x!quant.uniform<i8:f32, 0.1>>) -> tensor<4xi8>
  return %1 : tensor<4xi8>
}

// -----

//===----------------------------------------------------------------------===//
// qcc.constant
//===----------------------------------------------------------------------===//

// Equal constants of the same type are merged; the same stored values under
// another type (plain i8, another scale) are a different constant.
// CHECK-LABEL: func.func @constants_deduplicated(
// CHECK-DAG: %[[I8:.*]] = qcc.constant dense<[1, 2]> : tensor<2xi8>{{$}}
// CHECK-DAG: %[[Q1:.*]] = qcc.constant dense<[1, 2]> : tensor<2xi8> -> tensor<2x!quant.uniform<i8:f32, 1.000000e-01>>
// CHECK-DAG: %[[Q2:.*]] = qcc.constant dense<[1, 2]> : tensor<2xi8> -> tensor<2x!quant.uniform<i8:f32, 2.000000e-01>>
// CHECK-DAG: %[[F:.*]] = qcc.constant dense<[1.000000e+00, 2.000000e+00]> : tensor<2xf32>
// CHECK-NOT: qcc.constant
// CHECK: return %[[I8]], %[[I8]], %[[Q1]], %[[Q1]], %[[Q2]], %[[F]], %[[F]]
func.func @constants_deduplicated() -> (tensor<2xi8>, tensor<2xi8>, tensor<2x!quant.uniform<i8:f32, 0.1>>, tensor<2x!quant.uniform<i8:f32, 0.1>>, tensor<2x!quant.uniform<i8:f32, 0.2>>, tensor<2xf32>, tensor<2xf32>) {
  %0 = qcc.constant dense<[1, 2]> : tensor<2xi8>
  %1 = qcc.constant dense<[1, 2]> : tensor<2xi8>
  %2 = qcc.constant dense<[1, 2]> : tensor<2xi8> -> tensor<2x!quant.uniform<i8:f32, 0.1>>
  %3 = qcc.constant dense<[1, 2]> : tensor<2xi8> -> tensor<2x!quant.uniform<i8:f32, 0.1>>
  %4 = qcc.constant dense<[1, 2]> : tensor<2xi8> -> tensor<2x!quant.uniform<i8:f32, 0.2>>
  %5 = qcc.constant dense<[1.0, 2.0]> : tensor<2xf32>
  %6 = qcc.constant dense<[1.0, 2.0]> : tensor<2xf32>
  return %0, %1, %2, %3, %4, %5, %6 : tensor<2xi8>, tensor<2xi8>, tensor<2x!quant.uniform<i8:f32, 0.1>>, tensor<2x!quant.uniform<i8:f32, 0.1>>, tensor<2x!quant.uniform<i8:f32, 0.2>>, tensor<2xf32>, tensor<2xf32>
}

// -----

// A constant made by folding a reshape merges with an equal existing one.
// CHECK-LABEL: func.func @folded_constant_deduplicated(
// CHECK-NEXT: %[[C:.*]] = qcc.constant dense<{{\[}}[1.000000e+00, 2.000000e+00]]> : tensor<1x2xf32>
// CHECK-NEXT: return %[[C]], %[[C]]
func.func @folded_constant_deduplicated() -> (tensor<1x2xf32>, tensor<1x2xf32>) {
  %0 = qcc.constant dense<[[1.0, 2.0]]> : tensor<1x2xf32>
  %1 = qcc.constant dense<[1.0, 2.0]> : tensor<2xf32>
  %2 = qcc.reshape %1 : (tensor<2xf32>) -> tensor<1x2xf32>
  return %0, %2 : tensor<1x2xf32>, tensor<1x2xf32>
}
