//===- QccAttrs.td - Attributes of the qcc dialect ---------*- tablegen -*-===//
//
// Part of the qcc project, under the Apache License v2.0 with LLVM Exceptions.
// See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#ifndef QCC_DIALECT_QCC_IR_QCCATTRS_TD
#define QCC_DIALECT_QCC_IR_QCCATTRS_TD

include "qcc/Dialect/Qcc/IR/QccDialect.td"
include "mlir/IR/AttrTypeBase.td"
include "mlir/IR/EnumAttr.td"

class Qcc_Attr<string name, string attrMnemonic, list<Trait> traits = []>
    : AttrDef<Qcc_Dialect, name, traits> {
  let mnemonic = attrMnemonic;
}

//===----------------------------------------------------------------------===//
// Enums
//===----------------------------------------------------------------------===//

def Qcc_ActivationKind : I32EnumAttr<"ActivationKind",
    "an activation a producer op applies to its result", [
      I32EnumAttrCase<"Relu", 0, "relu">,
      I32EnumAttrCase<"Clip", 1, "clip">,
      I32EnumAttrCase<"LeakyRelu", 2, "leaky_relu">,
      I32EnumAttrCase<"Sigmoid", 3, "sigmoid">,
      I32EnumAttrCase<"Tanh", 4, "tanh">,
      I32EnumAttrCase<"HardSwish", 5, "hard_swish">
    ]> {
  let cppNamespace = "::qcc";
  let genSpecializedAttr = 0;
}

def Qcc_RoundingMode : I32EnumAttr<"RoundingMode",
    "how a real value is rounded to an integer", [
      I32EnumAttrCase<"HalfToEven", 0, "half_to_even">,
      I32EnumAttrCase<"HalfAwayFromZero", 1, "half_away_from_zero">,
      I32EnumAttrCase<"HalfUp", 2, "half_up">
    ]> {
  let cppNamespace = "::qcc";
  let genSpecializedAttr = 0;
}
def Qcc_RoundingModeAttr : EnumAttr<Qcc_Dialect, Qcc_RoundingMode, "rounding"> {
  let assemblyFormat = "`<` $value `>`";
}

def Qcc_PadMode : I32EnumAttr<"PadMode", "how padded elements are filled", [
      I32EnumAttrCase<"Constant", 0, "constant">,
      I32EnumAttrCase<"Reflect", 1, "reflect">,
      I32EnumAttrCase<"Edge", 2, "edge">,
      I32EnumAttrCase<"Wrap", 3, "wrap">
    ]> {
  let cppNamespace = "::qcc";
  let genSpecializedAttr = 0;
}
def Qcc_PadModeAttr : EnumAttr<Qcc_Dialect, Qcc_PadMode, "pad_mode"> {
  let assemblyFormat = "`<` $value `>`";
}

def Qcc_ResizeMode : I32EnumAttr<"ResizeMode", "interpolation of resize", [
      I32EnumAttrCase<"Nearest", 0, "nearest">,
      I32EnumAttrCase<"Linear", 1, "linear">
    ]> {
  let cppNamespace = "::qcc";
  let genSpecializedAttr = 0;
}
def Qcc_ResizeModeAttr : EnumAttr<Qcc_Dialect, Qcc_ResizeMode, "resize_mode"> {
  let assemblyFormat = "`<` $value `>`";
}

def Qcc_CoordinateTransform : I32EnumAttr<"CoordinateTransform",
    "how an output coordinate of resize maps to an input coordinate", [
      I32EnumAttrCase<"HalfPixel", 0, "half_pixel">,
      I32EnumAttrCase<"HalfPixelSymmetric", 1, "half_pixel_symmetric">,
      I32EnumAttrCase<"PytorchHalfPixel", 2, "pytorch_half_pixel">,
      I32EnumAttrCase<"AlignCorners", 3, "align_corners">,
      I32EnumAttrCase<"Asymmetric", 4, "asymmetric">,
      I32EnumAttrCase<"TfCropAndResize", 5, "tf_crop_and_resize">
    ]> {
  let cppNamespace = "::qcc";
  let genSpecializedAttr = 0;
}
def Qcc_CoordinateTransformAttr
    : EnumAttr<Qcc_Dialect, Qcc_CoordinateTransform, "coordinate_transform"> {
  let assemblyFormat = "`<` $value `>`";
}

def Qcc_NearestMode : I32EnumAttr<"NearestMode",
    "how resize rounds a coordinate to the nearest input pixel", [
      I32EnumAttrCase<"RoundPreferFloor", 0, "round_prefer_floor">,
      I32EnumAttrCase<"RoundPreferCeil", 1, "round_prefer_ceil">,
      I32EnumAttrCase<"Floor", 2, "floor">,
      I32EnumAttrCase<"Ceil", 3, "ceil">
    ]> {
  let cppNamespace = "::qcc";
  let genSpecializedAttr = 0;
}
def Qcc_NearestModeAttr : EnumAttr<Qcc_Dialect, Qcc_NearestMode, "nearest_mode"> {
  let assemblyFormat = "`<` $value `>`";
}

def Qcc_GeluApproximation : I32EnumAttr<"GeluApproximation",
    "which formula gelu evaluates", [
      I32EnumAttrCase<"None", 0, "none">,
      I32EnumAttrCase<"Tanh", 1, "tanh">
    ]> {
  let cppNamespace = "::qcc";
  let genSpecializedAttr = 0;
}
def Qcc_GeluApproximationAttr
    : EnumAttr<Qcc_Dialect, Qcc_GeluApproximation, "gelu_approximation"> {
  let assemblyFormat = "`<` $value `>`";
}

//===----------------------------------------------------------------------===//
// Attributes
//===----------------------------------------------------------------------===//

def Qcc_RangeAttr : Qcc_Attr<"Range", "range"> {
  let summary = "A calibrated real-valued range [min, max]";
  let description = [{
    The range of real values a tensor takes, as measured by calibration or
    derived by range propagation. Quantization chooses scales and zero points
    from it. `min <= max`, both finite.

    ```mlir
    %0 = qcc.relu %x {qcc.range = #qcc.range<0.0, 6.5>}
        : (tensor<1x8xf32>) -> tensor<1x8xf32>
    ```
  }];
  let parameters = (ins APFloatParameter<"lower bound">:$min,
                        APFloatParameter<"upper bound">:$max);
  let builders = [
    AttrBuilder<(ins "double":$min, "double":$max), [{
      return $_get($_ctxt, ::llvm::APFloat(min), ::llvm::APFloat(max));
    }]>
  ];
  let hasCustomAssemblyFormat = 1;
  let genVerifyDecl = 1;
}

def Qcc_ActivationAttr : Qcc_Attr<"Activation", "activation"> {
  let summary = "An activation fused into the op that produces its input";
  let description = [{
    Records that an op applies an activation to its result before writing it,
    so that the activation costs nothing extra (for quantized ops it becomes
    the saturation bounds of the requantization).

    | kind         | parameters           | computes                    |
    |--------------|----------------------|-----------------------------|
    | `relu`       |                      | max(x, 0)                   |
    | `clip`       | `min`, `max`         | min(max(x, min), max)       |
    | `leaky_relu` | `alpha`              | x < 0 ? alpha * x : x       |
    | `sigmoid`    |                      | 1 / (1 + exp(-x))           |
    | `tanh`       |                      | tanh(x)                     |
    | `hard_swish` |                      | x * relu6(x + 3) / 6        |

    ```mlir
    #qcc.activation<relu>
    #qcc.activation<clip, min = 0.0, max = 6.0>
    #qcc.activation<leaky_relu, alpha = 0.1>
    ```
  }];
  let parameters = (ins "ActivationKind":$kind,
                        APFloatParameter<"clip lower bound">:$min,
                        APFloatParameter<"clip upper bound">:$max,
                        APFloatParameter<"leaky_relu slope">:$alpha);
  let hasCustomAssemblyFormat = 1;
  let genVerifyDecl = 1;
}

#endif // QCC_DIALECT_QCC_IR_QCCATTRS_TD
