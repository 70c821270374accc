//===- QccAttrs.cpp - Attributes of the qcc dialect ---------------------===//
//
// Part of the qcc project, under the Apache License v2.0 with LLVM Exceptions.
// See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#include "qcc/Dialect/Qcc/IR/QccAttrs.h"
#include "qcc/Dialect/Qcc/IR/QccDialect.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/DialectImplementation.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/TypeSwitch.h"

using namespace mlir;
using namespace qcc;

#include "qcc/Dialect/Qcc/IR/QccEnums.cpp.inc"

#define GET_ATTRDEF_CLASSES
#include "qcc/Dialect/Qcc/IR/QccAttrs.cpp.inc"

void QccDialect::registerAttributes() {
  addAttributes<
#define GET_ATTRDEF_LIST
#include "qcc/Dialect/Qcc/IR/QccAttrs.cpp.inc"
      >();
}

//===----------------------------------------------------------------------===//
// RangeAttr
//===----------------------------------------------------------------------===//

Attribute RangeAttr::parse(AsmParser &parser, Type) {
  double min, max;
  if (parser.parseLess() || parser.parseFloat(min) || parser.parseComma() ||
      parser.parseFloat(max) || parser.parseGreater())
    return {};
  return getChecked([&] { return parser.emitError(parser.getNameLoc()); },
                    parser.getContext(), APFloat(min), APFloat(max));
}

void RangeAttr::print(AsmPrinter &printer) const {
  printer << '<';
  printer.printFloat(getMin());
  printer << ", ";
  printer.printFloat(getMax());
  printer << '>';
}

LogicalResult RangeAttr::verify(function_ref<InFlightDiagnostic()> emitError,
                                APFloat min, APFloat max) {
  if (!min.isFinite() || !max.isFinite())
    return emitError() << "range bounds must be finite";
  if (max < min)
    return emitError() << "range minimum " << min.convertToDouble()
                       << " exceeds maximum " << max.convertToDouble();
  return success();
}

//===----------------------------------------------------------------------===//
// ActivationAttr
//===----------------------------------------------------------------------===//

namespace {
/// The float parameters each activation kind takes, in printing order.
SmallVector<StringRef, 2> parameterNames(ActivationKind kind) {
  switch (kind) {
  case ActivationKind::Clip:
    return {"min", "max"};
  case ActivationKind::LeakyRelu:
    return {"alpha"};
  default:
    return {};
  }
}
} // namespace

Attribute ActivationAttr::parse(AsmParser &parser, Type) {
  StringRef keyword;
  SMLoc kindLoc = parser.getCurrentLocation();
  if (parser.parseLess() || parser.parseKeyword(&keyword))
    return {};
  std::optional<ActivationKind> kind = symbolizeActivationKind(keyword);
  if (!kind) {
    parser.emitError(kindLoc) << "unknown activation '" << keyword << "'";
    return {};
  }
  llvm::StringMap<double> values;
  while (succeeded(parser.parseOptionalComma())) {
    StringRef name;
    double value;
    SMLoc nameLoc = parser.getCurrentLocation();
    if (parser.parseKeyword(&name) || parser.parseEqual() ||
        parser.parseFloat(value))
      return {};
    if (!llvm::is_contained(parameterNames(*kind), name)) {
      parser.emitError(nameLoc)
          << "activation '" << keyword << "' has no parameter '" << name << "'";
      return {};
    }
    if (!values.try_emplace(name, value).second) {
      parser.emitError(nameLoc) << "parameter '" << name << "' given twice";
      return {};
    }
  }
  if (parser.parseGreater())
    return {};
  for (StringRef name : parameterNames(*kind)) {
    if (!values.count(name)) {
      parser.emitError(kindLoc)
          << "activation '" << keyword << "' needs parameter '" << name << "'";
      return {};
    }
  }
  auto get = [&](StringRef name) { return APFloat(values.lookup(name)); };
  return getChecked([&] { return parser.emitError(kindLoc); },
                    parser.getContext(), *kind, get("min"), get("max"),
                    get("alpha"));
}

void ActivationAttr::print(AsmPrinter &printer) const {
  printer << '<' << stringifyActivationKind(getKind());
  for (StringRef name : parameterNames(getKind())) {
    printer << ", " << name << " = ";
    printer.printFloat(name == "min"   ? getMin()
                       : name == "max" ? getMax()
                                       : getAlpha());
  }
  printer << '>';
}

LogicalResult
ActivationAttr::verify(function_ref<InFlightDiagnostic()> emitError,
                       ActivationKind kind, APFloat min, APFloat max,
                       APFloat alpha) {
  if (kind == ActivationKind::Clip && !(min <= max))
    return emitError() << "clip activation needs min <= max (and no NaN)";
  if (kind == ActivationKind::LeakyRelu && !alpha.isFinite())
    return emitError() << "leaky_relu activation needs a finite alpha";
  return success();
}
