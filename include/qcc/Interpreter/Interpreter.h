//===- Interpreter.h - The reference interpreter ----------------*- C++ -*-===//
//
// Part of the qcc project, under the Apache License v2.0 with LLVM Exceptions.
// See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
//
// Executes a function of qcc ops. It defines what every op computes, in float
// and in quantized form (docs/Interpreter.md); every backend must match it.
//
//===----------------------------------------------------------------------===//

#ifndef QCC_INTERPRETER_INTERPRETER_H
#define QCC_INTERPRETER_INTERPRETER_H

#include "qcc/Support/Tensor.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"

#include "qcc/Runtime/fixed_point.h"
#include "qcc/Runtime/kernels.h"
#include "qcc/Support/FixedPoint.h"

#include <functional>
#include <memory>

namespace qcc {

/// The real values a quantized tensor stands for (float32), or the tensor
/// itself when `elementType` is not quantized.
Tensor dequantizeTensor(const Tensor &tensor, mlir::Type elementType);

/// The inputs of run `run` out of `runs`: the `run`-th of `runs` equal
/// slices of each batch along its leading axis.
llvm::SmallVector<Tensor> runInputs(llvm::ArrayRef<Tensor> batches,
                                    int64_t runs, int64_t run);

/// The stored bounds a relu or clip on a per-tensor quantized tensor clamps
/// to: its real bounds quantized (rounded half to even), within the storage
/// range.
std::pair<int64_t, int64_t> quantizedClampBounds(mlir::Operation *op);

/// The fixed-point multipliers of a `qcc.requantize`: one per channel when
/// either side is per axis, else one.
llvm::SmallVector<FixedPointMultiplier>
requantizeMultipliers(mlir::Operation *op);

/// The parameters of qcc's integer add, sub or mul of two per-tensor
/// quantized values, for qcc_rt::binary_element (docs/IntegerSemantics.md);
/// an error on the op for a fused activation other than relu or clip.
mlir::FailureOr<qcc_rt::BinaryParams>
quantizedBinaryParameters(mlir::Operation *op);

/// Per dimension of a nearest-neighbour resize, the input index each output
/// index reads (-1 outside the input, for tf_crop_and_resize).
std::vector<std::vector<int64_t>> nearestIndices(mlir::Operation *op);

/// The parameters of qcc's integer layer norm (qcc_rt::layer_norm) on a
/// quantized input; an error on the op unless scale and bias are float32
/// constants.
struct LayerNormParameters {
  int64_t rows = 0, size = 0, epsilon = 0;
  std::vector<int32_t> signs, multipliers, shifts, biases;
  int32_t zx = 0, zy = 0, qmin = 0, qmax = 0;
};
mlir::FailureOr<LayerNormParameters> layerNormParameters(mlir::Operation *op);

/// The geometry of a conv2d or conv_transpose2d.
qcc_rt::Conv2DShape convolutionShape(mlir::Operation *op);

/// Whether a softmax has qcc's integer form: a per-tensor input of at most
/// 16 bits and a result of scale 2^-bits and zero point qmin.
bool isIntegerSoftmax(mlir::Operation *op);

/// The fixed-point multiplier of a quantized global average pooling:
/// s_in / (s_out * spatial size).
FixedPointMultiplier globalAvgPoolMultiplier(mlir::Operation *op);

/// The table of qcc's integer softmax on a quantized input: e[d] =
/// round(exp(-d * s_in) * 2^16) for every distance d of two stored values.
std::vector<int32_t> softmaxExponentials(mlir::Operation *op);

class Program {
public:
  /// Called with every op result as it is computed (for --dump-dir).
  using Observer = std::function<void(mlir::Value, const Tensor &)>;

  /// Prepares `func` for execution: decodes attributes, precomputes index
  /// tables and quantization parameters. Reports unsupported ops, element
  /// types and dynamic shapes as diagnostics on the op.
  static mlir::FailureOr<Program> compile(mlir::func::FuncOp func);

  Program(Program &&);
  Program &operator=(Program &&);
  ~Program();

  /// Runs on one tensor per function argument, each of its argument's
  /// shape and in-memory dtype.
  std::vector<Tensor> run(llvm::ArrayRef<Tensor> inputs,
                          const Observer &observer = nullptr) const;

  mlir::func::FuncOp getFunction() const;

private:
  struct Impl;
  explicit Program(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl;
};

} // namespace qcc

#endif // QCC_INTERPRETER_INTERPRETER_H
