// RUN: qcc-opt %s --qcc-plan-memory --split-input-file | FileCheck %s

!q = !quant.uniform<i8:f32, 0.1:-3>

// Positions: quantize 0, relu 1, max_pool 2, reshape 3, relu 4. Live
// ranges: %q [0, 1], %r [1, 2], %p and its alias %s [2, 4], %t [4, 5].
// Largest first: %q at 0; %r, live with %q, at 1024; %p, live with %r
// only, fits below it at 0; %t, live with %p, at the next 128-byte
// boundary after it, 256. The returned dequantize writes the caller's
// buffer.
// The largest live set is %q and %r, 2048 bytes: the placement needs no
// more.
// CHECK-LABEL: func.func @chain
// CHECK-SAME:    attributes {qcc.arena_live_peak = 2048 : i64, qcc.arena_size = 2048 : i64}
// CHECK:         qcc.quantize {{.*}}qcc.arena_offset = 0 : i64
// CHECK:         qcc.relu {{.*}}qcc.arena_offset = 1024 : i64
// CHECK:         qcc.max_pool2d {{.*}}qcc.arena_offset = 0 : i64
// CHECK:         qcc.reshape {{.*}}qcc.arena_offset = 0 : i64
// CHECK:         qcc.relu {{.*}}qcc.arena_offset = 256 : i64
// CHECK:         qcc.dequantize
// CHECK-NOT:     qcc.arena_offset
func.func @chain(%x: tensor<1x1x32x32xf32>) -> tensor<1x256xf32> {
  %q = qcc.quantize %x : (tensor<1x1x32x32xf32>) -> tensor<1x1x32x32x!q>
  %r = qcc.relu %q : (tensor<1x1x32x32x!q>) -> tensor<1x1x32x32x!q>
  %p = qcc.max_pool2d %r {kernel = array<i64: 2, 2>, strides = array<i64: 2, 2>} : (tensor<1x1x32x32x!q>) -> tensor<1x1x16x16x!q>
  %s = qcc.reshape %p : (tensor<1x1x16x16x!q>) -> tensor<1x256x!q>
  %t = qcc.relu %s : (tensor<1x256x!q>) -> tensor<1x256x!q>
  %d = qcc.dequantize %t : (tensor<1x256x!q>) -> tensor<1x256xf32>
  return %d : tensor<1x256xf32>
}

// -----

// int4 values pack two per byte (100 take 50 bytes), int32 ones take four.
// Constants take no arena space, nor does an alias of an argument (it
// reads the caller's buffer). %a (400 bytes) goes first, at 0; %q, not live
// with it, at 0 too; %r, live with %q, at 128.
// CHECK-LABEL: func.func @sizes
// CHECK-SAME:    attributes {qcc.arena_live_peak = 400 : i64, qcc.arena_size = 512 : i64}
// CHECK:         qcc.quantize {{.*}}qcc.arena_offset = 0 : i64
// CHECK:         qcc.relu {{.*}}qcc.arena_offset = 128 : i64
// CHECK:         qcc.storage_cast %arg1 :
// CHECK:         qcc.add %arg1, {{.*}}qcc.arena_offset = 0 : i64
func.func @sizes(%x: tensor<100xf32>, %y: tensor<100xi32>) -> (tensor<100xf32>, tensor<100xi32>, tensor<100x!quant.uniform<i32:f32, 1.0>>) {
  %q = qcc.quantize %x : (tensor<100xf32>) -> tensor<100x!quant.uniform<i4:f32, 0.1>>
  %r = qcc.relu %q : (tensor<100x!quant.uniform<i4:f32, 0.1>>) -> tensor<100x!quant.uniform<i4:f32, 0.1>>
  %d = qcc.dequantize %r : (tensor<100x!quant.uniform<i4:f32, 0.1>>) -> tensor<100xf32>
  %c = qcc.constant dense<1> : tensor<100xi32>
  %s = qcc.storage_cast %y : (tensor<100xi32>) -> tensor<100x!quant.uniform<i32:f32, 1.0>>
  %a = qcc.add %y, %c : (tensor<100xi32>, tensor<100xi32>) -> tensor<100xi32>
  %b = qcc.add %a, %a : (tensor<100xi32>, tensor<100xi32>) -> tensor<100xi32>
  return %d, %b, %s : tensor<100xf32>, tensor<100xi32>, tensor<100x!quant.uniform<i32:f32, 1.0>>
}

// -----

!q = !quant.uniform<i8:f32, 0.1:-3>

// A chain of aliases of one buffer (each alias added after the map entry it
// reads from) all share offset 0.
// CHECK-LABEL: func.func @aliases
// CHECK:         qcc.quantize {{.*}}qcc.arena_offset = 0 : i64
// CHECK:         qcc.reshape {{.*}}qcc.arena_offset = 0 : i64
// CHECK:         qcc.reshape {{.*}}qcc.arena_offset = 0 : i64
// CHECK:         qcc.relu {{.*}}qcc.arena_offset = 128 : i64
func.func @aliases(%x: tensor<2x3x4x5xf32>) -> tensor<1x120xf32> {
  %q = qcc.quantize %x : (tensor<2x3x4x5xf32>) -> tensor<2x3x4x5x!q>
  %r = qcc.reshape %q : (tensor<2x3x4x5x!q>) -> tensor<1x120x!q>
  %s = qcc.reshape %r : (tensor<1x120x!q>) -> tensor<120x!q>
  %t = qcc.relu %s : (tensor<120x!q>) -> tensor<120x!q>
  %u = qcc.reshape %t : (tensor<120x!q>) -> tensor<1x120x!q>
  %d = qcc.dequantize %u : (tensor<1x120x!q>) -> tensor<1x120xf32>
  return %d : tensor<1x120xf32>
}

// -----

!q = !quant.uniform<i8:f32, 0.1:-3>
!w = !quant.uniform<i8<-127:127>:f32:0, {0.01, 0.02}>
!acc = !quant.uniform<i32:f32:1, {0.001, 0.002}>

// A conv2d whose result only feeds a requantize (through its storage_cast)
// has it fused: its int32 accumulators get no buffer, and the requantize's
// result, written by the conv, is live from the conv on, so it does not
// share the conv's input's bytes (%q at 0, the requantize at 128).
// CHECK-LABEL: func.func @fused
// CHECK-SAME:    attributes {qcc.arena_live_peak = 64 : i64, qcc.arena_size = 256 : i64}
// CHECK:         qcc.quantize {{.*}}qcc.arena_offset = 0 : i64
// CHECK:         qcc.conv2d
// CHECK-NOT:     qcc.arena_offset
// CHECK-NEXT:    qcc.storage_cast
// CHECK-NOT:     qcc.arena_offset
// CHECK-NEXT:    qcc.requantize {{.*}}qcc.arena_offset = 128 : i64
func.func @fused(%x: tensor<1x2x4x4xf32>) -> tensor<1x2x4x4xf32> {
  %w = qcc.constant dense<1> : tensor<2x2x1x1xi8> -> tensor<2x2x1x1x!w>
  %q = qcc.quantize %x : (tensor<1x2x4x4xf32>) -> tensor<1x2x4x4x!q>
  %c = qcc.conv2d %q, %w : (tensor<1x2x4x4x!q>, tensor<2x2x1x1x!w>) -> tensor<1x2x4x4xi32>
  %s = qcc.storage_cast %c : (tensor<1x2x4x4xi32>) -> tensor<1x2x4x4x!acc>
  %r = qcc.requantize %s : (tensor<1x2x4x4x!acc>) -> tensor<1x2x4x4x!q>
  %d = qcc.dequantize %r : (tensor<1x2x4x4x!q>) -> tensor<1x2x4x4xf32>
  return %d : tensor<1x2x4x4xf32>
}
