//===- Passes.td - Conversions into and out of qcc ---------*- tablegen -*-===//
//
// Part of the qcc project, under the Apache License v2.0 with LLVM Exceptions.
// See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#ifndef QCC_CONVERSION_PASSES_TD
#define QCC_CONVERSION_PASSES_TD

include "mlir/Pass/PassBase.td"

def ConvertTosaToQcc : Pass<"convert-tosa-to-qcc", "mlir::ModuleOp"> {
  let summary = "Convert float TOSA (as TFLite and torch-mlir export it) to qcc";
  let description = [{
    Rewrites the TOSA operations of a float model into qcc ops:
    `tosa.const`, `conv2d`, `depthwise_conv2d`, `transpose_conv2d`,
    `matmul`, `add`, `sub`, `mul`, `clamp`, `avg_pool2d`, `max_pool2d`,
    `reshape`, `transpose`, `concat` and `pad`. TOSA images are NHWC and qcc
    images NCHW: each image op is wrapped in `qcc.transpose`s, which cancel
    between consecutive image ops and fold into constant weights when the
    IR is canonicalized. A TOSA op this pass does not handle (quantized
    forms, non-zero zero points, a non-zero `mul` shift) is an error naming
    the op.

    ```mlir
    %y = tosa.clamp %x {min_val = 0.0 : f32, max_val = 6.0 : f32}
        : (tensor<1x8xf32>) -> tensor<1x8xf32>
    // becomes
    %y = qcc.clip %x {max = 6.0 : f64, min = 0.0 : f64}
        : (tensor<1x8xf32>) -> tensor<1x8xf32>
    ```
  }];
  let dependentDialects = ["::qcc::QccDialect"];
}

#endif // QCC_CONVERSION_PASSES_TD
