//===- QccTypes.td - Type constraints of the qcc dialect ---*- tablegen -*-===//
//
// Part of the qcc project, under the Apache License v2.0 with LLVM Exceptions.
// See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
//
// qcc reuses builtin tensors and MLIR's quant element types; this file names
// the element-type families its operations accept.
//
//===----------------------------------------------------------------------===//

#ifndef QCC_DIALECT_QCC_IR_QCCTYPES_TD
#define QCC_DIALECT_QCC_IR_QCCTYPES_TD

include "mlir/IR/BuiltinTypes.td"
include "mlir/IR/CommonTypeConstraints.td"

/// A uniform quantized element type, per tensor or per axis.
def Qcc_QuantizedType : Type<
    CPred<"::llvm::isa<::mlir::quant::UniformQuantizedType, "
          "::mlir::quant::UniformQuantizedPerAxisType>($_self)">,
    "uniform quantized type", "::mlir::quant::QuantizedType">;

/// Element types of tensors that the quantization ops produce or consume.
def Qcc_FloatTensor : RankedTensorOf<[AnyFloat]>;
def Qcc_QuantizedTensor : RankedTensorOf<[Qcc_QuantizedType]>;

/// Any element type a qcc graph tensor may have: float, integer (signless
/// integers are signed, `uiN` are unsigned), or uniform quantized.
def Qcc_ElementType : AnyTypeOf<[AnyFloat, AnyInteger, Qcc_QuantizedType],
                                "float, integer or uniform quantized">;
def Qcc_Tensor : RankedTensorOf<[Qcc_ElementType]>;

#endif // QCC_DIALECT_QCC_IR_QCCTYPES_TD
