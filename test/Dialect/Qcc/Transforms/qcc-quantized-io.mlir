// RUN: qcc-opt %s --qcc-quantized-io --split-input-file | FileCheck %s

!q = !quant.uniform<i8:f32, 0.1:-3>
!p = !quant.uniform<i8:f32, 0.05:4>

// The quantized argument and the dequantized result become quantized; the
// names stay.
// CHECK-LABEL: func.func @main
// CHECK-SAME:    (%[[X:.*]]: tensor<4x!quant.uniform<i8:f32, 1.000000e-01:-3>> {qcc.name = "x"})
// CHECK-SAME:    -> (tensor<4x!quant.uniform<i8:f32, 1.000000e-01:-3>> {qcc.name = "y"})
// CHECK-NOT:     qcc.quantize
// CHECK:         %[[R:.*]] = qcc.relu %[[X]]
// CHECK-NOT:     qcc.dequantize
// CHECK:         return %[[R]]
func.func @main(%x: tensor<4xf32> {qcc.name = "x"}) -> (tensor<4xf32> {qcc.name = "y"}) {
  %q = qcc.quantize %x : (tensor<4xf32>) -> tensor<4x!q>
  %r = qcc.relu %q : (tensor<4x!q>) -> tensor<4x!q>
  %d = qcc.dequantize %r : (tensor<4x!q>) -> tensor<4xf32>
  return %d : tensor<4xf32>
}

// -----

!q = !quant.uniform<i8:f32, 0.1:-3>
!p = !quant.uniform<i8:f32, 0.05:4>

// An argument quantized to two types, or also used as float, stays float;
// a dequantize also used inside stays (its input is returned).
// CHECK-LABEL: func.func @mixed
// CHECK-SAME:    (%{{.*}}: tensor<4xf32>, %{{.*}}: tensor<4xf32>)
// CHECK-SAME:    -> (tensor<4x!quant.uniform<i8:f32, 1.000000e-01:-3>>, tensor<4xf32>)
// CHECK-COUNT-3: qcc.quantize
func.func @mixed(%x: tensor<4xf32>, %y: tensor<4xf32>) -> (tensor<4xf32>, tensor<4xf32>) {
  %a = qcc.quantize %x : (tensor<4xf32>) -> tensor<4x!q>
  %b = qcc.quantize %x : (tensor<4xf32>) -> tensor<4x!p>
  %c = qcc.quantize %y : (tensor<4xf32>) -> tensor<4x!q>
  %s = qcc.add %a, %c : (tensor<4x!q>, tensor<4x!q>) -> tensor<4x!q>
  %d = qcc.dequantize %s : (tensor<4x!q>) -> tensor<4xf32>
  %e = qcc.add %d, %y : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  return %d, %e : tensor<4xf32>, tensor<4xf32>
}
