//===- QccDialect.td - The qcc dialect ---------------------*- tablegen -*-===//
//
// Part of the qcc project, under the Apache License v2.0 with LLVM Exceptions.
// See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#ifndef QCC_DIALECT_QCC_IR_QCCDIALECT_TD
#define QCC_DIALECT_QCC_IR_QCCDIALECT_TD

include "mlir/IR/OpBase.td"

def Qcc_Dialect : Dialect {
  let name = "qcc";
  let cppNamespace = "::qcc";
  let summary = "Graph-level tensor operations of a quantizing compiler";
  let description = [{
    The `qcc` dialect holds a neural network as a graph of tensor operations,
    first in floating point and later, after qcc's quantization passes, in
    integer-quantized form. Tensors are ranked; a tensor is float, plain
    integer, or carries MLIR's `!quant.uniform` element type (per tensor or
    per axis), which records the scale and zero point of every value.

    Image tensors use ONNX's NCHW layout at this level; layout choices for a
    target are made by later passes.

    Decisions of the quantization passes are stored as attributes so that a
    test can feed them in directly:

    * `qcc.range = #qcc.range<min, max>` on an op (or a function argument):
      the calibrated real-valued range of its result.
    * `qcc.bit_width = 8 : i64` on an op: the chosen storage bit-width of its
      result (4, 8 or 16).
    * `qcc.weight_bits = 4 : i64` on a convolution, matrix product or fully
      connected op: the storage bit-width of its constant weights (4 or 8),
      overriding the precision `qcc-quantize` applies to the whole model
      (mixed precision).
    * `qcc.channel_mean = array<f32: ...>` on an op (or a function argument)
      whose result feeds a convolution or fully connected layer: the mean of
      each channel (axis 1) over the calibration inputs, which `qcc-quantize`
      uses to correct the bias for the layer's weight rounding error.
    * `qcc.pareto_front = [{bit_ops = ..., agreement_percent = ..., sqnr_db =
      ..., chosen = true, layers = ["conv1:w4a8", ...]}, ...]` on a function:
      the non-dominated bit-width assignments `qcc-assign-bitwidths` measured,
      cheapest first.
    * `qcc.arena_offset = 256 : i64` on an op: where its result lives in the
      scratch arena, in bytes (qcc-plan-memory); `qcc.arena_size = 4096 :
      i64` on a function: the arena's size.
    * `qcc.name = "conv1"` on a function argument or result: the name of the
      tensor in the source model (used in reports and the generated
      library's metadata).
    * `fused_activation = #qcc.activation<...>` on ops that can absorb an
      activation (convolutions, fully connected, add/sub/mul).
  }];
  let useDefaultAttributePrinterParser = 1;
  let hasConstantMaterializer = 1;
  let hasOperationAttrVerify = 1;
  let hasRegionArgAttrVerify = 1;
  let hasRegionResultAttrVerify = 1;
  let dependentDialects = ["::mlir::quant::QuantDialect"];
  let extraClassDeclaration = [{
    void registerAttributes();

    /// Name of the discardable attribute holding a calibrated range.
    static constexpr ::llvm::StringLiteral kRangeAttrName = "qcc.range";
    /// Name of the discardable attribute holding a chosen bit-width.
    static constexpr ::llvm::StringLiteral kBitWidthAttrName = "qcc.bit_width";
    /// Name of the discardable attribute holding a layer's weight bit-width.
    static constexpr ::llvm::StringLiteral kWeightBitsAttrName =
        "qcc.weight_bits";
    /// Name of the discardable attribute holding calibrated channel means.
    static constexpr ::llvm::StringLiteral kChannelMeanAttrName =
        "qcc.channel_mean";
    /// Name of the discardable attribute holding a mixed-precision search's
    /// Pareto front.
    static constexpr ::llvm::StringLiteral kParetoFrontAttrName =
        "qcc.pareto_front";
    /// Name of the discardable attribute holding a result's arena offset.
    static constexpr ::llvm::StringLiteral kArenaOffsetAttrName =
        "qcc.arena_offset";
    /// Name of the discardable attribute holding a function's arena size.
    static constexpr ::llvm::StringLiteral kArenaSizeAttrName =
        "qcc.arena_size";
    /// Name of the discardable attribute holding the largest sum of the
    /// sizes of a function's simultaneously live arena buffers.
    static constexpr ::llvm::StringLiteral kArenaLivePeakAttrName =
        "qcc.arena_live_peak";
    /// Name of the discardable attribute holding a source-model tensor name.
    static constexpr ::llvm::StringLiteral kNameAttrName = "qcc.name";
  }];
}

#endif // QCC_DIALECT_QCC_IR_QCCDIALECT_TD
