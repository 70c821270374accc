//===- Passes.td - Passes on the qcc dialect ---------------*- tablegen -*-===//
//
// Part of the qcc project, under the Apache License v2.0 with LLVM Exceptions.
// See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#ifndef QCC_DIALECT_QCC_TRANSFORMS_PASSES_TD
#define QCC_DIALECT_QCC_TRANSFORMS_PASSES_TD

include "mlir/Pass/PassBase.td"

def PropagateRanges : Pass<"qcc-propagate-ranges", "mlir::func::FuncOp"> {
  let summary = "Calibrate and propagate the real-valued range of every tensor";
  let description = [{
    Gives every float tensor of the function a `qcc.range` attribute (on its
    defining op, or on the function argument):

    1. With `calib` files, runs the function in the reference interpreter
       on every input they hold (each file is a batch for one argument, in
       argument order; several files per argument are concatenated) and
       records per-tensor statistics. `method` turns them into a range:
       `minmax` (the extremes seen), `percentile` (the `percentile`-th
       percentile at each end, discarding outliers) or `mse` (the clipping
       range that minimises the mean squared error of 8-bit quantization).
    2. Static interval analysis then derives ranges where statistics are
       missing (no calibration, or a hand-written `qcc.range` on the
       arguments) and tightens measured ones: relu and clip bound their
       output, sigmoid / hard_sigmoid / softmax give [0, 1], tanh [-1, 1],
       concat the union of its inputs, pooling and data movement keep their
       input's range, monotone activations map their input's bounds.

    A `qcc.range` already present (set by hand, or by an earlier run) is
    kept: a lit test can feed ranges in directly.

    ```mlir
    func.func @f(%x: tensor<4xf32> {qcc.range = #qcc.range<-2.0, 3.0>}) -> tensor<4xf32> {
      %0 = qcc.relu %x : (tensor<4xf32>) -> tensor<4xf32>
      return %0 : tensor<4xf32>
    }
    // becomes
    %0 = qcc.relu %x {qcc.range = #qcc.range<0.0, 3.0>} : ...
    ```
  }];
  let options = [
    ListOption<"calib", "calib", "std::string",
               "Calibration inputs (.npy or .pb), one per argument in order">,
    Option<"method", "method", "std::string", /*default=*/"\"minmax\"",
           "How statistics become a range: minmax, percentile or mse">,
    Option<"percentile", "percentile", "double", /*default=*/"99.99",
           "Percentile kept at each end by the percentile method">,
  ];
  let dependentDialects = ["::qcc::QccDialect"];
}

#endif // QCC_DIALECT_QCC_TRANSFORMS_PASSES_TD
