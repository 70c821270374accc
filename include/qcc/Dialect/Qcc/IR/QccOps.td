//===- QccOps.td - Operations of the qcc dialect -----------*- tablegen -*-===//
//
// Part of the qcc project, under the Apache License v2.0 with LLVM Exceptions.
// See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#ifndef QCC_DIALECT_QCC_IR_QCCOPS_TD
#define QCC_DIALECT_QCC_IR_QCCOPS_TD

include "qcc/Dialect/Qcc/IR/QccDialect.td"
include "qcc/Dialect/Qcc/IR/QccTypes.td"
include "qcc/Dialect/Qcc/IR/QccAttrs.td"
include "mlir/Interfaces/SideEffectInterfaces.td"
include "mlir/IR/OpBase.td"

//===----------------------------------------------------------------------===//
// Traits and base classes
//===----------------------------------------------------------------------===//

class Qcc_NativeTrait<string name> : NativeOpTrait<name> {
  let cppNamespace = "::qcc::OpTrait";
}

/// Per-axis quantized operands and results name an axis inside their tensor
/// and carry one scale per element along it.
def Qcc_ValidQuantizedTypes : Qcc_NativeTrait<"ValidQuantizedTypes">;
/// The result has the input's shape; element types are of one family (the
/// same float or integer type, or all quantized).
def Qcc_ElementwiseUnary : Qcc_NativeTrait<"ElementwiseUnary">;
/// The result has the numpy-broadcast shape of the two operands; element
/// types are of one family.
def Qcc_BroadcastableBinary : Qcc_NativeTrait<"BroadcastableBinary">;

class Qcc_Op<string mnemonic, list<Trait> traits = []>
    : Op<Qcc_Dialect, mnemonic,
         !listconcat([Pure, Qcc_ValidQuantizedTypes], traits)> {
  let assemblyFormat =
      "operands attr-dict `:` functional-type(operands, results)";
}

def Qcc_FloatOrQuantTensor : RankedTensorOf<[AnyFloat, Qcc_QuantizedType]>;

def Qcc_Pair : ConfinedAttr<DenseI64ArrayAttr, [DenseArrayCount<2>]>;
def Qcc_Quad : ConfinedAttr<DenseI64ArrayAttr, [DenseArrayCount<4>]>;

//===----------------------------------------------------------------------===//
// Constants
//===----------------------------------------------------------------------===//

def Qcc_ConstantOp : Qcc_Op<"constant", [ConstantLike]> {
  let summary = "A constant tensor (weights, biases, shapes)";
  let description = [{
    Holds a tensor value. For a quantized result, `value` holds the stored
    integers and must have the storage type of the quantized element type
    (`i8` for `!quant.uniform<i8:f32, 0.5>`, `ui8` for
    `!quant.uniform<u8:f32, 0.5>`); the result type is then written after
    `->`.

    ```mlir
    %w = qcc.constant dense<[[1.0, 2.0]]> : tensor<1x2xf32>
    %q = qcc.constant dense<[3, -4]> : tensor<2xi8>
        -> tensor<2x!quant.uniform<i8:f32, 0.25>>
    ```
  }];
  let arguments = (ins ElementsAttr:$value);
  let results = (outs Qcc_Tensor:$output);
  let assemblyFormat = ?;
  let hasCustomAssemblyFormat = 1;
  let hasVerifier = 1;
  let hasFolder = 1;
  let extraClassDeclaration = [{
    /// Whether `value` can be the value of a constant of result type `type`.
    static bool isBuildableWith(::mlir::Attribute value, ::mlir::Type type);
  }];
}

//===----------------------------------------------------------------------===//
// Convolutions and contractions
//===----------------------------------------------------------------------===//

def Qcc_Conv2DOp : Qcc_Op<"conv2d"> {
  let summary = "2-D convolution (grouped, depthwise, dilated, strided)";
  let description = [{
    NCHW convolution with ONNX semantics. `weight` is `[F, C/groups, KH, KW]`,
    the optional `bias` is `[F]`. `pads` are `[top, left, bottom, right]`.
    Depthwise convolution is `groups = C` (with `F` a multiple of `C`).

    Output size per spatial dimension:
    `out = floor((in + pad_begin + pad_end - dilation * (k - 1) - 1) / stride) + 1`.

    Element types: all the same float type; or quantized input and weight
    (weight per tensor or per axis 0) with a quantized result (or `i32`, the
    raw accumulator) and an `i32` or 32-bit quantized bias; or plain integer
    input and weight with an `i32` result (ONNX ConvInteger).

    ```mlir
    %y = qcc.conv2d %x, %w, %b {strides = array<i64: 2, 2>,
                                pads = array<i64: 1, 1, 1, 1>,
                                fused_activation = #qcc.activation<relu>}
        : (tensor<1x3x32x32xf32>, tensor<16x3x3x3xf32>, tensor<16xf32>)
        -> tensor<1x16x16x16xf32>
    ```
  }];
  let arguments = (ins Qcc_Tensor:$input, Qcc_Tensor:$weight,
      Optional<Qcc_Tensor>:$bias,
      DefaultValuedAttr<Qcc_Pair, "{1, 1}">:$strides,
      DefaultValuedAttr<Qcc_Pair, "{1, 1}">:$dilations,
      DefaultValuedAttr<Qcc_Quad, "{0, 0, 0, 0}">:$pads,
      DefaultValuedAttr<ConfinedAttr<I64Attr, [IntPositive]>, "1">:$groups,
      OptionalAttr<Qcc_ActivationAttr>:$fused_activation);
  let results = (outs Qcc_Tensor:$output);
  let hasVerifier = 1;
}

def Qcc_ConvTranspose2DOp : Qcc_Op<"conv_transpose2d"> {
  let summary = "2-D transposed convolution";
  let description = [{
    NCHW transposed convolution with ONNX semantics. `weight` is
    `[C, F/groups, KH, KW]`, the optional `bias` is `[F]`, `pads` are
    `[top, left, bottom, right]`.

    `out = stride * (in - 1) + output_padding + dilation * (k - 1) + 1
           - pad_begin - pad_end`.

    ```mlir
    %y = qcc.conv_transpose2d %x, %w {strides = array<i64: 2, 2>}
        : (tensor<1x8x4x4xf32>, tensor<8x4x2x2xf32>) -> tensor<1x4x8x8xf32>
    ```
  }];
  let arguments = (ins Qcc_Tensor:$input, Qcc_Tensor:$weight,
      Optional<Qcc_Tensor>:$bias,
      DefaultValuedAttr<Qcc_Pair, "{1, 1}">:$strides,
      DefaultValuedAttr<Qcc_Pair, "{1, 1}">:$dilations,
      DefaultValuedAttr<Qcc_Quad, "{0, 0, 0, 0}">:$pads,
      DefaultValuedAttr<Qcc_Pair, "{0, 0}">:$output_padding,
      DefaultValuedAttr<ConfinedAttr<I64Attr, [IntPositive]>, "1">:$groups,
      OptionalAttr<Qcc_ActivationAttr>:$fused_activation);
  let results = (outs Qcc_Tensor:$output);
  let hasVerifier = 1;
}

def Qcc_MatMulOp : Qcc_Op<"matmul"> {
  let summary = "Batched matrix product with numpy semantics";
  let description = [{
    `[..., M, K] x [..., K, N] -> [..., M, N]`, batch dimensions broadcast as
    in numpy; a 1-D operand is a vector (its dimension is dropped from the
    result), as in ONNX MatMul. Element types as for `qcc.conv2d`.

    ```mlir
    %y = qcc.matmul %a, %b
        : (tensor<2x3x4xf32>, tensor<4x5xf32>) -> tensor<2x3x5xf32>
    ```
  }];
  let arguments = (ins Qcc_Tensor:$lhs, Qcc_Tensor:$rhs);
  let results = (outs Qcc_Tensor:$output);
  let hasVerifier = 1;
}

def Qcc_FullyConnectedOp : Qcc_Op<"fully_connected"> {
  let summary = "Fully connected layer: input x weight^T + bias";
  let description = [{
    `input` is `[M, K]`, `weight` is `[N, K]` (one row per output feature, as
    in TFLite and TOSA), the optional `bias` is `[N]`; the result is `[M, N]`.
    ONNX Gemm imports to this op (transposes and alpha/beta folded into the
    constants). Element types as for `qcc.conv2d`.

    ```mlir
    %y = qcc.fully_connected %x, %w, %b
        : (tensor<1x64xf32>, tensor<10x64xf32>, tensor<10xf32>)
        -> tensor<1x10xf32>
    ```
  }];
  let arguments = (ins Qcc_Tensor:$input, Qcc_Tensor:$weight,
      Optional<Qcc_Tensor>:$bias,
      OptionalAttr<Qcc_ActivationAttr>:$fused_activation);
  let results = (outs Qcc_Tensor:$output);
  let hasVerifier = 1;
}

//===----------------------------------------------------------------------===//
// Elementwise binary arithmetic
//===----------------------------------------------------------------------===//

class Qcc_BinaryOp<string mnemonic, string symbol, list<Trait> traits = []>
    : Qcc_Op<mnemonic, !listconcat([Qcc_BroadcastableBinary], traits)> {
  let summary = "Elementwise `lhs " # symbol # " rhs` with broadcasting";
  let description = [{
    Elementwise arithmetic with numpy broadcasting: the result shape is the
    broadcast of the operand shapes. Operands and result are the same float
    or integer type, or all quantized (each with its own scale). Integer
    division truncates toward zero.

    ```mlir
    %y = qcc.}] # mnemonic # [{ %a, %b
        : (tensor<1x8x4x4xf32>, tensor<8x1x1xf32>) -> tensor<1x8x4x4xf32>
    ```
  }];
  let arguments = (ins Qcc_Tensor:$lhs, Qcc_Tensor:$rhs);
  let results = (outs Qcc_Tensor:$output);
}

class Qcc_FusableBinaryOp<string mnemonic, string symbol,
                          list<Trait> traits = []>
    : Qcc_BinaryOp<mnemonic, symbol, traits> {
  let arguments = (ins Qcc_Tensor:$lhs, Qcc_Tensor:$rhs,
      OptionalAttr<Qcc_ActivationAttr>:$fused_activation);
}

def Qcc_AddOp : Qcc_FusableBinaryOp<"add", "+", [Commutative]>;
def Qcc_SubOp : Qcc_FusableBinaryOp<"sub", "-">;
def Qcc_MulOp : Qcc_FusableBinaryOp<"mul", "*", [Commutative]>;
def Qcc_DivOp : Qcc_BinaryOp<"div", "/">;

//===----------------------------------------------------------------------===//
// Activations
//===----------------------------------------------------------------------===//

class Qcc_UnaryOp<string mnemonic, string formula,
                  TypeConstraint tensor = Qcc_FloatOrQuantTensor,
                  list<Trait> traits = []>
    : Qcc_Op<mnemonic, !listconcat([Qcc_ElementwiseUnary], traits)> {
  let summary = "Elementwise " # formula;
  let description = [{
    Computes `}] # formula # [{` elementwise. The result has the shape of the
    input and the same element type (a quantized input may get a quantized
    result with other parameters).

    ```mlir
    %y = qcc.}] # mnemonic # [{ %x : (tensor<1x8xf32>) -> tensor<1x8xf32>
    ```
  }];
  let arguments = (ins tensor:$input);
  let results = (outs tensor:$output);
}

def Qcc_ReluOp : Qcc_UnaryOp<"relu", "max(x, 0)", Qcc_Tensor>;
def Qcc_SigmoidOp : Qcc_UnaryOp<"sigmoid", "1 / (1 + exp(-x))">;
def Qcc_TanhOp : Qcc_UnaryOp<"tanh", "tanh(x)">;
def Qcc_HardSwishOp : Qcc_UnaryOp<"hard_swish", "x * max(0, min(1, x / 6 + 1 / 2))">;
def Qcc_ErfOp : Qcc_UnaryOp<"erf", "erf(x), the Gauss error function">;

def Qcc_ClipOp : Qcc_UnaryOp<"clip", "min(max(x, min), max)", Qcc_Tensor> {
  let description = [{
    Clamps every element to `[min, max]`; a missing bound is unbounded. As in
    ONNX, `min > max` is allowed and yields `max` everywhere. For integer
    tensors the bounds are integral.

    ```mlir
    %y = qcc.clip %x {min = 0.0 : f64, max = 6.0 : f64}
        : (tensor<1x8xf32>) -> tensor<1x8xf32>
    ```
  }];
  let arguments = (ins Qcc_Tensor:$input, OptionalAttr<F64Attr>:$min,
                       OptionalAttr<F64Attr>:$max);
  let hasVerifier = 1;
}

def Qcc_LeakyReluOp : Qcc_UnaryOp<"leaky_relu", "x < 0 ? alpha * x : x"> {
  let arguments = (ins Qcc_FloatOrQuantTensor:$input,
                       DefaultValuedAttr<F32Attr, "0.01f">:$alpha);
  let hasVerifier = 1;
}

def Qcc_HardSigmoidOp
    : Qcc_UnaryOp<"hard_sigmoid", "max(0, min(1, alpha * x + beta))"> {
  let arguments = (ins Qcc_FloatOrQuantTensor:$input,
                       DefaultValuedAttr<F32Attr, "0.2f">:$alpha,
                       DefaultValuedAttr<F32Attr, "0.5f">:$beta);
}

def Qcc_GeluOp : Qcc_UnaryOp<"gelu", "x * Phi(x), Phi the normal CDF"> {
  let description = [{
    Gaussian error linear unit: `0.5 * x * (1 + erf(x / sqrt(2)))`, or with
    `approximate = #qcc.gelu_approximation<tanh>` the formula
    `0.5 * x * (1 + tanh(sqrt(2 / pi) * (x + 0.044715 * x^3)))`.

    ```mlir
    %y = qcc.gelu %x {approximate = #qcc.gelu_approximation<tanh>}
        : (tensor<1x8xf32>) -> tensor<1x8xf32>
    ```
  }];
  let arguments = (ins Qcc_FloatOrQuantTensor:$input,
      DefaultValuedAttr<Qcc_GeluApproximationAttr,
                        "GeluApproximation::None">:$approximate);
}

def Qcc_PReluOp : Qcc_Op<"prelu"> {
  let summary = "Parametric relu: x < 0 ? slope * x : x";
  let description = [{
    `slope` broadcasts to the shape of `input` (numpy rules, one direction);
    the result has the shape of `input`.

    ```mlir
    %y = qcc.prelu %x, %slope
        : (tensor<1x8x4x4xf32>, tensor<8x1x1xf32>) -> tensor<1x8x4x4xf32>
    ```
  }];
  let arguments = (ins Qcc_FloatOrQuantTensor:$input,
                       Qcc_FloatOrQuantTensor:$slope);
  let results = (outs Qcc_FloatOrQuantTensor:$output);
  let hasVerifier = 1;
}

//===----------------------------------------------------------------------===//
// Pooling and normalization
//===----------------------------------------------------------------------===//

def Qcc_MaxPool2DOp : Qcc_Op<"max_pool2d"> {
  let summary = "2-D max pooling";
  let description = [{
    NCHW max pooling with ONNX semantics; `pads` are `[top, left, bottom,
    right]` and padded positions never win. Output size per spatial dimension:
    `(in + pads - dilation * (k - 1) - 1) / stride + 1`, rounded down, or up
    with `ceil_mode` (a window that would start in the end padding is
    dropped). The result has the input's element type.

    ```mlir
    %y = qcc.max_pool2d %x {kernel = array<i64: 2, 2>, strides = array<i64: 2, 2>}
        : (tensor<1x8x32x32xf32>) -> tensor<1x8x16x16xf32>
    ```
  }];
  let arguments = (ins Qcc_Tensor:$input, Qcc_Pair:$kernel,
      DefaultValuedAttr<Qcc_Pair, "{1, 1}">:$strides,
      DefaultValuedAttr<Qcc_Pair, "{1, 1}">:$dilations,
      DefaultValuedAttr<Qcc_Quad, "{0, 0, 0, 0}">:$pads,
      DefaultValuedAttr<BoolAttr, "false">:$ceil_mode);
  let results = (outs Qcc_Tensor:$output);
  let hasVerifier = 1;
}

def Qcc_AvgPool2DOp : Qcc_Op<"avg_pool2d"> {
  let summary = "2-D average pooling";
  let description = [{
    NCHW average pooling with ONNX semantics. Padded positions count in the
    divisor only with `count_include_pad`; output size as for
    `qcc.max_pool2d`.

    ```mlir
    %y = qcc.avg_pool2d %x {kernel = array<i64: 3, 3>,
                            pads = array<i64: 1, 1, 1, 1>}
        : (tensor<1x8x32x32xf32>) -> tensor<1x8x32x32xf32>
    ```
  }];
  let arguments = (ins Qcc_FloatOrQuantTensor:$input, Qcc_Pair:$kernel,
      DefaultValuedAttr<Qcc_Pair, "{1, 1}">:$strides,
      DefaultValuedAttr<Qcc_Pair, "{1, 1}">:$dilations,
      DefaultValuedAttr<Qcc_Quad, "{0, 0, 0, 0}">:$pads,
      DefaultValuedAttr<BoolAttr, "false">:$ceil_mode,
      DefaultValuedAttr<BoolAttr, "false">:$count_include_pad);
  let results = (outs Qcc_FloatOrQuantTensor:$output);
  let hasVerifier = 1;
}

def Qcc_GlobalAvgPoolOp : Qcc_Op<"global_avg_pool"> {
  let summary = "Average over all spatial positions";
  let description = [{
    `[N, C, d1, ..., dk] -> [N, C, 1, ..., 1]`: the mean over every dimension
    after the second.

    ```mlir
    %y = qcc.global_avg_pool %x
        : (tensor<1x8x7x7xf32>) -> tensor<1x8x1x1xf32>
    ```
  }];
  let arguments = (ins Qcc_FloatOrQuantTensor:$input);
  let results = (outs Qcc_FloatOrQuantTensor:$output);
  let hasVerifier = 1;
}

def Qcc_BatchNormOp : Qcc_Op<"batch_norm"> {
  let summary = "Batch normalization with frozen statistics";
  let description = [{
    `y = scale * (x - mean) / sqrt(var + epsilon) + bias` per channel (axis
    1 of `input`); `scale`, `bias`, `mean` and `var` are `[C]`. Inference
    form only; qcc folds it into the preceding convolution.

    ```mlir
    %y = qcc.batch_norm %x, %scale, %bias, %mean, %var {epsilon = 1.0e-05 : f32}
        : (tensor<1x8x4x4xf32>, tensor<8xf32>, tensor<8xf32>, tensor<8xf32>,
           tensor<8xf32>) -> tensor<1x8x4x4xf32>
    ```
  }];
  let arguments = (ins Qcc_FloatTensor:$input, Qcc_FloatTensor:$scale,
      Qcc_FloatTensor:$bias, Qcc_FloatTensor:$mean, Qcc_FloatTensor:$var,
      DefaultValuedAttr<F32Attr, "1.0e-5f">:$epsilon);
  let results = (outs Qcc_FloatTensor:$output);
  let hasVerifier = 1;
}

def Qcc_SoftmaxOp : Qcc_Op<"softmax"> {
  let summary = "Softmax along one axis";
  let description = [{
    `exp(x - max) / sum(exp(x - max))` along `axis` (in `[0, rank)`).

    ```mlir
    %y = qcc.softmax %x {axis = 1 : i64} : (tensor<1x10xf32>) -> tensor<1x10xf32>
    ```
  }];
  let arguments = (ins Qcc_FloatOrQuantTensor:$input, I64Attr:$axis);
  let results = (outs Qcc_FloatOrQuantTensor:$output);
  let hasVerifier = 1;
}

def Qcc_LayerNormOp : Qcc_Op<"layer_norm"> {
  let summary = "Layer normalization over the trailing dimensions";
  let description = [{
    Normalizes over dimensions `[axis, rank)`:
    `y = (x - mean) / sqrt(variance + epsilon) * scale + bias`, where `scale`
    and the optional `bias` broadcast to `input.shape[axis:]`. Optionally it
    also returns, as `statistics`, the mean and then `1 / sqrt(variance +
    epsilon)` it used, of the input's shape with the normalized dimensions set
    to 1 (ONNX's Mean and InvStdDev outputs).

    On a per-tensor quantized input the result is quantized too, `scale` and
    `bias` stay float32 constants and there are no statistics: qcc's integer
    layer norm (docs/IntegerSemantics.md) computes it in fixed point, with
    one integer square root per row.

    ```mlir
    %y = qcc.layer_norm %x, %g, %b {axis = 2 : i64, epsilon = 1.0e-05 : f32}
        : (tensor<1x4x16xf32>, tensor<16xf32>, tensor<16xf32>) -> tensor<1x4x16xf32>
    ```
  }];
  let arguments = (ins Qcc_FloatOrQuantTensor:$input, Qcc_FloatTensor:$scale,
      Optional<Qcc_FloatTensor>:$bias, I64Attr:$axis,
      DefaultValuedAttr<F32Attr, "1.0e-5f">:$epsilon);
  let results = (outs Qcc_FloatOrQuantTensor:$output,
                      Variadic<Qcc_FloatTensor>:$statistics);
  let extraClassDeclaration = [{
    /// The optional Mean and InvStdDev results (statistics #0 and #1).
    ::mlir::Value getMean() {
      return getStatistics().empty() ? ::mlir::Value() : getStatistics()[0];
    }
    ::mlir::Value getInvStdDev() {
      return getStatistics().size() < 2 ? ::mlir::Value()
                                        : getStatistics()[1];
    }
  }];
  let hasVerifier = 1;
}

//===----------------------------------------------------------------------===//
// Data movement
//===----------------------------------------------------------------------===//

def Qcc_ConcatOp : Qcc_Op<"concat"> {
  let summary = "Concatenation along one axis";
  let description = [{
    Joins the inputs along `axis` (in `[0, rank)`); all other dimensions
    agree. Quantized inputs may have different scales: each is requantized to
    the result's.

    ```mlir
    %y = qcc.concat %a, %b {axis = 1 : i64}
        : (tensor<1x2x4xf32>, tensor<1x3x4xf32>) -> tensor<1x5x4xf32>
    ```
  }];
  let arguments = (ins Variadic<Qcc_Tensor>:$inputs, I64Attr:$axis);
  let results = (outs Qcc_Tensor:$output);
  let hasVerifier = 1;
}

def Qcc_ReshapeOp : Qcc_Op<"reshape"> {
  let summary = "Reinterpret the elements under a new shape";
  let description = [{
    The result type gives the new shape; the element count and element type
    do not change.

    ```mlir
    %y = qcc.reshape %x : (tensor<1x8x2x2xf32>) -> tensor<1x32xf32>
    ```
  }];
  let arguments = (ins Qcc_Tensor:$input);
  let results = (outs Qcc_Tensor:$output);
  let hasVerifier = 1;
  let hasFolder = 1;
}

def Qcc_FlattenOp : Qcc_Op<"flatten"> {
  let summary = "Flatten into a matrix at an axis";
  let description = [{
    `[d0, ..., dn-1] -> [d0 * ... * d(axis-1), d(axis) * ... * dn-1]`, with
    `axis` in `[0, rank]`. Canonicalizes to `qcc.reshape`.

    ```mlir
    %y = qcc.flatten %x {axis = 1 : i64} : (tensor<1x8x2x2xf32>) -> tensor<1x32xf32>
    ```
  }];
  let arguments = (ins Qcc_Tensor:$input,
                       DefaultValuedAttr<I64Attr, "1">:$axis);
  let results = (outs Qcc_Tensor:$output);
  let hasVerifier = 1;
  let hasCanonicalizer = 1;
}

def Qcc_SqueezeOp : Qcc_Op<"squeeze"> {
  let summary = "Remove size-1 dimensions";
  let description = [{
    Removes the listed dimensions (each of size 1, in `[0, rank)`, no
    repeats). Canonicalizes to `qcc.reshape`.

    ```mlir
    %y = qcc.squeeze %x {axes = array<i64: 2, 3>}
        : (tensor<1x8x1x1xf32>) -> tensor<1x8xf32>
    ```
  }];
  let arguments = (ins Qcc_Tensor:$input, DenseI64ArrayAttr:$axes);
  let results = (outs Qcc_Tensor:$output);
  let hasVerifier = 1;
  let hasCanonicalizer = 1;
}

def Qcc_UnsqueezeOp : Qcc_Op<"unsqueeze"> {
  let summary = "Insert size-1 dimensions";
  let description = [{
    Inserts size-1 dimensions at the listed positions of the result (each in
    `[0, result rank)`, no repeats). Canonicalizes to `qcc.reshape`.

    ```mlir
    %y = qcc.unsqueeze %x {axes = array<i64: 0, 3>}
        : (tensor<8x4xf32>) -> tensor<1x8x4x1xf32>
    ```
  }];
  let arguments = (ins Qcc_Tensor:$input, DenseI64ArrayAttr:$axes);
  let results = (outs Qcc_Tensor:$output);
  let hasVerifier = 1;
  let hasCanonicalizer = 1;
}

def Qcc_TransposeOp : Qcc_Op<"transpose"> {
  let summary = "Permute dimensions";
  let description = [{
    Result dimension `i` is input dimension `perms[i]`.

    ```mlir
    %y = qcc.transpose %x {perms = array<i64: 0, 2, 3, 1>}
        : (tensor<1x8x4x5xf32>) -> tensor<1x4x5x8xf32>
    ```
  }];
  let arguments = (ins Qcc_Tensor:$input, DenseI64ArrayAttr:$perms);
  let results = (outs Qcc_Tensor:$output);
  let hasVerifier = 1;
  let hasFolder = 1;
  let hasCanonicalizer = 1;
}

def Qcc_PadOp : Qcc_Op<"pad"> {
  let summary = "Pad (or, with negative amounts, crop) a tensor";
  let description = [{
    `pads` holds `2 * rank` amounts as in ONNX: the begin amounts of every
    dimension, then the end amounts; negative amounts crop. `mode` is
    `constant` (fill with `value`), `reflect` (mirror without repeating the
    edge; each amount less than the dimension), `edge` (repeat the edge) or
    `wrap` (continue periodically from the other side).
    For a quantized tensor, `value` is a real value.

    ```mlir
    %y = qcc.pad %x {pads = array<i64: 0, 0, 1, 1, 0, 0, 1, 1>}
        : (tensor<1x8x4x4xf32>) -> tensor<1x8x6x6xf32>
    ```
  }];
  let arguments = (ins Qcc_Tensor:$input, DenseI64ArrayAttr:$pads,
      DefaultValuedAttr<Qcc_PadModeAttr, "PadMode::Constant">:$mode,
      DefaultValuedAttr<F64Attr, "0.0">:$value);
  let results = (outs Qcc_Tensor:$output);
  let hasVerifier = 1;
}

def Qcc_ResizeOp : Qcc_Op<"resize"> {
  let summary = "Resize by nearest-neighbour or linear interpolation";
  let description = [{
    Resizes every dimension to the result type's size with ONNX Resize
    semantics. Where the model gave scale factors, `scales` holds them (one
    per dimension, `floor(in * scale) = out`) and the coordinate mapping uses
    them; otherwise the scale is `out / in`. `linear` interpolates along
    every resized dimension (bilinear on an NCHW image).

    With `coordinate_transform = #qcc.coordinate_transform<tf_crop_and_resize>`,
    `roi` holds the region of interest (`2 * rank` values: every start, then
    every end, relative to the input size), each output dimension is
    `floor(in * (end - start) * scale)`, and samples outside the input take
    `extrapolation_value`.

    ```mlir
    %y = qcc.resize %x {mode = #qcc.resize_mode<nearest>,
                        coordinate_transform = #qcc.coordinate_transform<asymmetric>,
                        nearest_mode = #qcc.nearest_mode<floor>}
        : (tensor<1x8x4x4xf32>) -> tensor<1x8x8x8xf32>
    ```
  }];
  let arguments = (ins Qcc_FloatOrQuantTensor:$input,
      DefaultValuedAttr<Qcc_ResizeModeAttr, "ResizeMode::Nearest">:$mode,
      DefaultValuedAttr<Qcc_CoordinateTransformAttr,
                        "CoordinateTransform::HalfPixel">:$coordinate_transform,
      DefaultValuedAttr<Qcc_NearestModeAttr,
                        "NearestMode::RoundPreferFloor">:$nearest_mode,
      OptionalAttr<DenseF32ArrayAttr>:$scales,
      OptionalAttr<DenseF32ArrayAttr>:$roi,
      DefaultValuedAttr<F32Attr, "0.0f">:$extrapolation_value);
  let results = (outs Qcc_FloatOrQuantTensor:$output);
  let hasVerifier = 1;
}

//===----------------------------------------------------------------------===//
// Quantization
//===----------------------------------------------------------------------===//

def Qcc_QuantizeOp : Qcc_Op<"quantize"> {
  let summary = "Float to quantized: q = clamp(round(x / s) + zp)";
  let description = [{
    Quantizes with the scale and zero point of the result's element type
    (per tensor or per axis), rounding by `rounding` and saturating to the
    storage range.

    ```mlir
    %q = qcc.quantize %x : (tensor<1x8xf32>)
        -> tensor<1x8x!quant.uniform<i8:f32, 0.05:-3>>
    ```
  }];
  let arguments = (ins Qcc_FloatTensor:$input,
      DefaultValuedAttr<Qcc_RoundingModeAttr,
                        "RoundingMode::HalfToEven">:$rounding);
  let results = (outs Qcc_QuantizedTensor:$output);
  let hasVerifier = 1;
}

def Qcc_DequantizeOp : Qcc_Op<"dequantize"> {
  let summary = "Quantized to float: x = (q - zp) * s";
  let description = [{
    ```mlir
    %x = qcc.dequantize %q : (tensor<1x8x!quant.uniform<i8:f32, 0.05:-3>>)
        -> tensor<1x8xf32>
    ```
  }];
  let arguments = (ins Qcc_QuantizedTensor:$input);
  let results = (outs Qcc_FloatTensor:$output);
  let hasVerifier = 1;
}

def Qcc_RequantizeOp : Qcc_Op<"requantize"> {
  let summary = "Change the scale, zero point or storage type of a tensor";
  let description = [{
    Maps every stored value to the result's quantization parameters in qcc's
    normative fixed-point arithmetic (docs/IntegerSemantics.md):
    `y = saturate(zp_out + (q - zp_in) * M)` where the real multiplier
    `M = s_in / s_out` is a Q31 multiplier and a shift, the product is
    NEON's `sqrdmulh` and the shift a rounding (half up) shift. This is the
    op every integer contraction ends with: its input is then the int32
    accumulator, with scale `s_x * s_w` (per output channel for per-channel
    weights).

    ```mlir
    %y = qcc.requantize %acc : (tensor<8x!quant.uniform<i32:f32, 0.001>>)
        -> tensor<8x!quant.uniform<i8:f32, 0.05>>
    ```
  }];
  let arguments = (ins Qcc_QuantizedTensor:$input);
  let results = (outs Qcc_QuantizedTensor:$output);
  let hasVerifier = 1;
  let hasFolder = 1;
}

def Qcc_TableOp : Qcc_Op<"table"> {
  let summary = "Elementwise lookup table on a quantized tensor";
  let description = [{
    `output[i] = table[input[i] - qmin]`: every stored value of the input
    (per-tensor quantized, at most 16 bits) indexes a table of stored output
    values, one per input value from the input's storage minimum to its
    maximum. qcc's quantizer computes the table at compile time for
    nonlinear activations (sigmoid, tanh, hard-swish, gelu, ...): that is
    what makes them bit-exact on every target without a libm.

    ```mlir
    %y = qcc.table %x, %t : (tensor<1x8x!quant.uniform<i8:f32, 0.05>>,
                             tensor<256xi8>)
        -> tensor<1x8x!quant.uniform<i8:f32, 0.0039:-128>>
    ```
  }];
  let arguments = (ins Qcc_QuantizedTensor:$input, Qcc_Tensor:$table);
  let results = (outs Qcc_QuantizedTensor:$output);
  let hasVerifier = 1;
}

def Qcc_StorageCastOp : Qcc_Op<"storage_cast"> {
  let summary = "Reinterpret stored integers as quantized values, or back";
  let description = [{
    Gives integers the quantization parameters of the result type (or drops
    them): no value changes. One side is quantized, the other is the integer
    type of its storage (`ui8` for `u8`, `i8` for `i8`, ...). ONNX models
    carry quantized tensors as plain integers with separate scales; the
    importer uses this op where such a tensor enters or leaves a quantized op.

    ```mlir
    %q = qcc.storage_cast %x : (tensor<4xui8>)
        -> tensor<4x!quant.uniform<u8:f32, 0.1:128>>
    ```
  }];
  let arguments = (ins Qcc_Tensor:$input);
  let results = (outs Qcc_Tensor:$output);
  let hasVerifier = 1;
  let hasFolder = 1;
}

def Qcc_DynamicQuantizeOp : Qcc_Op<"dynamic_quantize"> {
  let summary = "Quantize to uint8 with a scale computed from the data";
  let description = [{
    ONNX DynamicQuantizeLinear: `scale = (max(0, max(x)) - min(0, min(x))) /
    255`, `zero_point = saturate(round(-min(0, min(x)) / scale))`, and
    `output = saturate(round(x / scale) + zero_point)`, rounding half to even.
    Because the parameters are only known at run time, the output is plain
    `ui8`. qcc's own pipeline quantizes with calibrated, static parameters
    and never produces this op.

    ```mlir
    %y, %scale, %zp = qcc.dynamic_quantize %x
        : (tensor<6xf32>) -> (tensor<6xui8>, tensor<f32>, tensor<ui8>)
    ```
  }];
  let arguments = (ins Qcc_FloatTensor:$input);
  let results = (outs Qcc_Tensor:$output, Qcc_FloatTensor:$scale,
                      Qcc_Tensor:$zero_point);
  let hasVerifier = 1;
}

#endif // QCC_DIALECT_QCC_IR_QCCOPS_TD
