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
    Option<"progress", "progress", "bool", /*default=*/"false",
           "Print progress through the calibration inputs to stderr">,
  ];
  let dependentDialects = ["::qcc::QccDialect"];
}

def FoldBatchNorm : Pass<"qcc-fold-batchnorm", "mlir::func::FuncOp"> {
  let summary = "Fold batch norms and constant scalings into convolutions";
  let description = [{
    A `batch_norm`, or a `mul` / `add` by a constant that is a scalar or one
    value per channel, whose input is the only use of a `conv2d` with
    constant weights (and bias, if any) and no fused activation, is folded
    into the convolution's weights and bias:
    `W' = W * g`, `b' = (b - mean) * g + beta` with
    `g = scale / sqrt(var + epsilon)` for a batch norm; `W' = W * c`,
    `b' = b * c` for a mul; `b' = b + c` for an add. Quantization then sees
    one layer, with one weight range per output channel. A batch norm with
    no such convolution before it becomes a 1x1 depthwise convolution.

    ```mlir
    %0 = qcc.conv2d %x, %w, %b : ...
    %1 = qcc.batch_norm %0, %scale, %beta, %mean, %var : ...
    // becomes
    %1 = qcc.conv2d %x, %w_folded, %b_folded : ...
    ```
  }];
  let dependentDialects = ["::qcc::QccDialect"];
}

def FuseLayers : Pass<"qcc-fuse-layers", "mlir::func::FuncOp"> {
  let summary = "Fuse activations into the convolution or product before "
                "them; recognize decomposed hard-swish";
  let description = [{
    A `relu` or a `clip` with both bounds whose input is the only use of a
    `conv2d`, `conv_transpose2d`, `fully_connected`, `add`, `sub` or `mul`
    without a fused activation becomes that op's `fused_activation`: once
    quantized it is only the saturation bounds of the requantization and
    costs nothing. Other activations stay separate ops (qcc-quantize turns
    them into lookup tables). A hard-swish decomposed as
    `x * clip(x + 3, 0, 6) / 6` (or `* 1/6`) becomes one `hard_swish`, so
    that it quantizes as one table rather than as a product whose range is
    six times its input's.

    ```mlir
    %0 = qcc.conv2d %x, %w : (...) -> tensor<1x8x4x4xf32>
    %1 = qcc.relu %0 : (tensor<1x8x4x4xf32>) -> tensor<1x8x4x4xf32>
    // becomes
    %1 = qcc.conv2d %x, %w {fused_activation = #qcc.activation<relu>} : ...
    ```
  }];
  let dependentDialects = ["::qcc::QccDialect"];
}

def EqualizeLayers : Pass<"qcc-equalize-layers", "mlir::func::FuncOp"> {
  let summary = "Cross-layer equalization of consecutive convolutions";
  let description = [{
    For a float `conv2d` with constant weights whose only use is another
    such convolution (directly or through a fused `relu`), scales output
    channel `c` of the first by `1 / s_c` (weights and bias) and the weights
    reading input channel `c` in the second by `s_c`, with
    `s_c = sqrt(r1_c / r2_c)` for the channels' largest weight magnitudes
    `r1_c` and `r2_c`: both then have the range `sqrt(r1_c * r2_c)`. Because
    `relu(x / s) = relu(x) / s` for `s > 0`, the function is unchanged; the
    per-channel weight ranges become even, which low-bit weights and
    depthwise convolutions (one channel per filter) need. Chains are swept
    until the scales settle. Run before calibration: a `qcc.range` on a
    rescaled convolution is dropped.

    ```mlir
    %0 = qcc.conv2d %x, %w1, %b1 {fused_activation = #qcc.activation<relu>} : ...
    %1 = qcc.conv2d %0, %w2 : ...
    // becomes, with w1'[c] = w1[c] / s[c], b1'[c] = b1[c] / s[c] and
    // w2'[:, c] = w2[:, c] * s[c]
    %0 = qcc.conv2d %x, %w1', %b1' {fused_activation = #qcc.activation<relu>} : ...
    %1 = qcc.conv2d %0, %w2' : ...
    ```
  }];
  let dependentDialects = ["::qcc::QccDialect"];
}

def AssignBitWidths : Pass<"qcc-assign-bitwidths", "mlir::func::FuncOp"> {
  let summary = "Choose each layer's weight and activation bit-widths (mixed precision)";
  let description = [{
    Runs on a calibrated float function (after qcc-propagate-ranges). A
    layer is a `conv2d`, `conv_transpose2d`, `fully_connected` or `matmul`
    with constant weights together with the single-input elementwise and
    data-movement ops (and arithmetic with a constant) its result flows
    through up to the next layer. Each
    layer gets one of three precisions: int4 weights and int8 activations
    (`w4a8`), int8 both (`w8a8`), int8 weights and int16 activations
    (`w8a16`), written as `qcc.weight_bits` on the layer and `qcc.bit_width`
    on its ops.

    Every candidate is measured: a copy is lowered with qcc-quantize and run
    in the reference interpreter on the `calib` inputs; its accuracy is the
    top-1 agreement of the first output with the float function's (in
    percent) and the output SQNR; its cost is the bit-ops of the lowered
    graph: MACs x weight bits x input bits per layer, plus, for every
    `requantize` that changes a storage bit-width, one multiply per element
    at input bits x output bits.

    The search measures uniform int8, then each layer alone at `w4a8` and
    alone at `w8a16` (its sensitivity). If int8 meets the budget (top-1
    agreement at most `max-accuracy-drop` points below 100 %, output SQNR at
    least `min-sqnr` dB), it moves layers to `w4a8`, least
    sensitive first, while the budget holds; otherwise it moves layers to
    `w8a16`, most SQNR gained per added bit-op first (counting at least 1 %
    of int8's bit-ops per layer; layers that gain nothing are skipped),
    until it holds. The
    cheapest measured point within the budget is chosen (the most accurate
    one, with a warning, if none is). The non-dominated points (no other is
    at most as costly and at least as accurate in both measures) are
    recorded as the function's `qcc.pareto_front`.
  }];
  let options = [
    ListOption<"calib", "calib", "std::string",
               "Calibration inputs (.npy or .pb), one per argument in order">,
    Option<"maxAccuracyDrop", "max-accuracy-drop", "double", /*default=*/"0.5",
           "Most top-1 agreement with the float model to lose, in points">,
    Option<"minSqnr", "min-sqnr", "double", /*default=*/"0.0",
           "Lowest output SQNR against the float model to accept, in dB">,
    Option<"biasCorrection", "bias-correction", "bool", /*default=*/"true",
           "Measure with qcc-quantize's bias correction">,
    Option<"progress", "progress", "bool", /*default=*/"false",
           "Print each measurement to stderr">,
  ];
  let dependentDialects = ["::qcc::QccDialect", "::mlir::quant::QuantDialect"];
}

def Quantize : Pass<"qcc-quantize", "mlir::func::FuncOp"> {
  let summary = "Lower a calibrated float graph to integer-only qcc ops";
  let description = [{
    Needs `qcc.range` on the tensors (qcc-propagate-ranges). Quantizes
    activations asymmetrically per tensor (int8, or int16 for `w8a16`; a
    layer's `qcc.bit_width` of 8 or 16 overrides that for its result) and
    constant weights of `conv2d`, `conv_transpose2d`, `fully_connected` and
    `matmul` symmetrically per output channel (int8, or int4 in [-7, 7] for
    `w4a8`; a layer's `qcc.weight_bits` overrides that), with int32 biases
    of scale `s_x * s_w`. Each contraction becomes
    the integer op producing the raw int32 accumulator, a `storage_cast` to
    its per-channel accumulator type and a `requantize` (qcc's fixed-point
    requantization) to the output's type; a fused relu or clip is the
    output range. Data movement (max pooling, nearest resize, reshapes,
    transposes) keeps its input's parameters; add, sub, mul, global average
    pooling, softmax and concat use qcc's integer forms; mul and div by a
    positive scalar constant become a rescale; nonlinear activations become
    `qcc.table` lookups computed here (docs/IntegerSemantics.md).
    `quantize` ops are inserted at the function's inputs and `dequantize` ops
    at its outputs.

    An op without an integer form yet stays float between a `dequantize`
    and a `quantize`, with a warning naming it; `qcc-verify-integer-only`
    rejects such a graph.
  }];
  let options = [
    Option<"precision", "precision", "std::string", /*default=*/"\"int8\"",
           "int8 (W8A8), w8a16 (int16 activations) or w4a8 (int4 weights)">,
    Option<"biasCorrection", "bias-correction", "bool", /*default=*/"true",
           "Correct the biases of layers with int4 weights for their "
           "rounding error, from the input's qcc.channel_mean">,
  ];
  let dependentDialects = ["::qcc::QccDialect", "::mlir::quant::QuantDialect"];
}

def PlanMemory : Pass<"qcc-plan-memory", "mlir::func::FuncOp"> {
  let summary = "Place every intermediate tensor in one static scratch arena";
  let description = [{
    Gives every result that needs memory at run time a byte offset in one
    scratch arena (`qcc.arena_offset` on its op) and the function the arena's
    size (`qcc.arena_size`), so that generated code allocates nothing, and
    the largest sum of the sizes of buffers live at one time
    (`qcc.arena_live_peak`), the least any placement needs.
    Constants (static data), arguments and returned values (the caller's
    buffers) take no arena space; a reshape, flatten, squeeze, unsqueeze or
    storage cast shares its input's buffer, and the int32 sums of a
    contraction with a fused requantize (`qcc::fusedRequantize`) get none
    (its requantize's result is live from the contraction on). A buffer
    holds its tensor's
    storage bytes (int4 packed two per byte) and is live from its definition
    to its last use; buffers are placed largest first at the lowest
    128-byte aligned offset that overlaps no buffer live at the same time.

    ```mlir
    %1 = qcc.relu %0 : ...                // qcc.arena_offset = 0
    %2 = qcc.max_pool2d %1 : ...          // qcc.arena_offset = 1024
    %3 = qcc.relu %2 : ...                // qcc.arena_offset = 0 (%1 is dead)
    ```
  }];
}

def VerifyIntegerOnly : Pass<"qcc-verify-integer-only", "mlir::func::FuncOp"> {
  let summary = "Check that no float arithmetic remains inside the quantized graph";
  let description = [{
    Between the `quantize` ops at the inputs and the `dequantize` ops at the
    outputs, every op must compute on integers: an op that reads the result
    of a `dequantize` (other than the function's return) is an error naming
    it. This is what makes the generated code bit-exact on every target
    without a float unit or libm.
  }];
}

def QuantizedIO : Pass<"qcc-quantized-io", "mlir::func::FuncOp"> {
  let summary = "Make the function take and return quantized tensors";
  let description = [{
    For a library whose caller quantizes its inputs and reads raw integer
    outputs (`qcc --io=quantized`): an argument whose every use is a
    `quantize` to one type becomes an argument of that type (the quantize
    ops go), and a returned `dequantize` is replaced by its input. The
    argument and result attributes (`qcc.name`) stay; the library's
    metadata then gives each quantized tensor's scale and zero point.

    ```mlir
    func.func @main(%x: tensor<4xf32>) -> tensor<4xf32> {
      %q = qcc.quantize %x : (tensor<4xf32>) -> tensor<4x!q>
      %r = qcc.relu %q : (tensor<4x!q>) -> tensor<4x!q>
      %d = qcc.dequantize %r : (tensor<4x!q>) -> tensor<4xf32>
      return %d : tensor<4xf32>
    }
    // becomes
    func.func @main(%x: tensor<4x!q>) -> tensor<4x!q> {
      %r = qcc.relu %x : (tensor<4x!q>) -> tensor<4x!q>
      return %r : tensor<4x!q>
    }
    ```

    An argument used other than by such quantize ops, or a result that is
    not a dequantize, stays as it is.
  }];
}

def ImageInput : Pass<"qcc-image-input", "mlir::func::FuncOp"> {
  let summary = "Make an image input take uint8 pixels, normalization folded in";
  let description = [{
    For a model whose float NCHW input is x = (p - mean[c]) / std[c] of
    8-bit pixels p (`qcc --input-mean=... --input-std=...`): an argument
    of rank 4 whose every use is a `quantize` to one per-tensor type takes
    the pixels instead, as a uint8 tensor quantized per channel (axis 1)
    with scale 1 / std[c] and zero point round(mean[c]), and each quantize
    becomes a `requantize` from it: the normalization and the input
    quantization are one integer step. `mean` and `std` hold one value or
    one per channel, in pixel units; a mean is rounded to the nearest
    integer (the zero point), which shifts x by at most 0.5 / std[c].
  }];
  let options = [
    ListOption<"mean", "mean", "double", "Per-channel (or one) pixel means">,
    ListOption<"std", "std", "double",
               "Per-channel (or one) pixel standard deviations">,
  ];
}

#endif // QCC_DIALECT_QCC_TRANSFORMS_PASSES_TD
