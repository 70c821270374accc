//===- Report.cpp - What quantization did to each layer -------------------===//
//
// Part of the qcc project, under the Apache License v2.0 with LLVM Exceptions.
// See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#include "qcc/Driver/Report.h"
#include "qcc/Dialect/Qcc/IR/QccOps.h"
#include "qcc/Dialect/Qcc/Transforms/Cost.h"
#include "qcc/Interpreter/Interpreter.h"
#include "qcc/Support/WriteFile.h"

#include "mlir/Dialect/Quant/IR/QuantTypes.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/MathExtras.h"
#include "llvm/Support/WithColor.h"

#include <cmath>
#include <limits>

using namespace mlir;

namespace qcc {

/// The tensor name a value's location carries.
static std::string nameOf(Value value) {
  if (auto named = dyn_cast<NameLoc>(value.getLoc()))
    return named.getName().str();
  return "";
}

FailureOr<llvm::json::Value> quantizationReport(func::FuncOp floatFunc,
                                                func::FuncOp quantFunc,
                                                llvm::ArrayRef<Tensor> inputs) {
  FailureOr<Program> floatProgram = Program::compile(floatFunc);
  FailureOr<Program> quantProgram = Program::compile(quantFunc);
  if (failed(floatProgram) || failed(quantProgram))
    return failure();

  // Per tensor name: the last value of that name in each program (in the
  // quantized program, the requantized result of a layer).
  struct Sums {
    double signal = 0, noise = 0;
  };
  llvm::StringMap<Sums> sums;
  llvm::StringMap<Operation *> layers;
  llvm::StringMap<RangeAttr> ranges;
  floatFunc.walk([&](Operation *op) {
    if (auto range = op->getAttrOfType<RangeAttr>(QccDialect::kRangeAttrName))
      if (op->getNumResults() == 1)
        ranges[nameOf(op->getResult(0))] = range;
  });
  int64_t runs = inputs.empty() ? 0 : inputs.front().shape()[0];
  if (!floatFunc.getArgumentTypes().empty())
    runs /= cast<ShapedType>(floatFunc.getArgumentTypes()[0]).getDimSize(0);
  for (int64_t run = 0; run < runs; ++run) {
    SmallVector<Tensor> slice = runInputs(inputs, runs, run);
    llvm::StringMap<Tensor> reference;
    floatProgram->run(slice, [&](Value v, const Tensor &t) {
      std::string name = nameOf(v);
      if (!name.empty() && t.dtype() == DType::F32)
        reference[name] = t;
    });
    llvm::StringMap<std::pair<Value, Tensor>> quantizedValues;
    quantProgram->run(slice, [&](Value v, const Tensor &t) {
      std::string name = nameOf(v);
      if (!name.empty() && isa<quant::UniformQuantizedType>(
                               cast<ShapedType>(v.getType()).getElementType()))
        quantizedValues[name] = {v, t};
    });
    for (auto &entry : quantizedValues) {
      auto it = reference.find(entry.getKey());
      if (it == reference.end())
        continue;
      auto [value, stored] = entry.getValue();
      Tensor real = dequantizeTensor(
          stored, cast<ShapedType>(value.getType()).getElementType());
      const Tensor &f = it->second;
      if (f.shape() != real.shape())
        continue;
      Sums &s = sums[entry.getKey()];
      for (int64_t i = 0, n = f.numElements(); i < n; ++i) {
        double x = f.data<float>()[i], y = real.data<float>()[i];
        s.signal += x * x;
        s.noise += (x - y) * (x - y);
      }
      layers[entry.getKey()] = value.getDefiningOp();
    }
  }

  // Layers in program order.
  llvm::json::Array report;
  quantFunc.walk([&](Operation *op) {
    if (op->getNumResults() != 1)
      return;
    std::string name = nameOf(op->getResult(0));
    auto it = layers.find(name);
    if (it == layers.end() || it->second != op)
      return;
    auto type = cast<quant::UniformQuantizedType>(
        cast<ShapedType>(op->getResult(0).getType()).getElementType());
    const Sums &s = sums[name];
    // A layer's result is often the requantize of its wide accumulator:
    // name the op that computes it.
    Operation *compute = op;
    while (isa<RequantizeOp, StorageCastOp>(compute) &&
           compute->getOperand(0).getDefiningOp())
      compute = compute->getOperand(0).getDefiningOp();
    llvm::json::Object layer{
        {"name", name},
        {"op", compute->getName().getStringRef()},
        {"bits", type.getStorageTypeIntegralWidth()},
        {"scale", type.getScale()},
        {"zero_point", type.getZeroPoint()},
        {"sqnr_db", s.noise > 0 ? 10 * std::log10(s.signal / s.noise) : 999.0}};
    if (RangeAttr range = ranges.lookup(name))
      layer["range"] = llvm::json::Array{range.getMin().convertToDouble(),
                                         range.getMax().convertToDouble()};
    if (int64_t macs = layerMacs(compute)) {
      layer["macs"] = macs;
      layer["bit_ops"] = layerBitOps(compute);
    }
    if (std::optional<int64_t> bound = accumulatorBound(compute)) {
      layer["accumulator_bound"] = *bound;
      layer["accumulator_bits"] = llvm::Log2_64_Ceil(*bound + 1) + 1;
      layer["accumulator_fits_int32"] =
          *bound <= std::numeric_limits<int32_t>::max();
    }
    report.push_back(std::move(layer));
  });
  llvm::json::Object result{{"layers", std::move(report)}};
  if (auto front = quantFunc->getAttrOfType<ArrayAttr>(
          QccDialect::kParetoFrontAttrName)) {
    llvm::json::Array points;
    for (auto point : front.getAsRange<DictionaryAttr>()) {
      llvm::json::Array layers;
      for (auto layer :
           point.getAs<ArrayAttr>("layers").getAsRange<StringAttr>())
        layers.push_back(layer.str());
      points.push_back(llvm::json::Object{
          {"bit_ops", point.getAs<IntegerAttr>("bit_ops").getInt()},
          {"agreement_percent",
           point.getAs<FloatAttr>("agreement_percent").getValueAsDouble()},
          {"sqnr_db", point.getAs<FloatAttr>("sqnr_db").getValueAsDouble()},
          {"chosen", point.getAs<BoolAttr>("chosen").getValue()},
          {"layers", std::move(layers)}});
    }
    result["mixed_precision"] =
        llvm::json::Object{{"front", std::move(points)}};
  }
  return llvm::json::Value(std::move(result));
}

namespace {

/// Escapes text for HTML.
std::string escape(StringRef text) {
  std::string out;
  for (char c : text)
    out += c == '<'   ? "&lt;"
           : c == '>' ? "&gt;"
           : c == '&' ? "&amp;"
                      : std::string(1, c);
  return out;
}

/// An SVG bar chart of one value per layer.
void sqnrChart(llvm::raw_ostream &os, const llvm::json::Array &layers) {
  constexpr int kWidth = 900, kHeight = 260, kLeft = 50, kBottom = 30;
  double top = 10;
  for (const llvm::json::Value &layer : layers)
    top = std::max(top,
                   std::min(60.0, *layer.getAsObject()->getNumber("sqnr_db")));
  top = std::ceil(top / 10) * 10;
  double step = double(kWidth - kLeft) / std::max<size_t>(1, layers.size());
  os << llvm::formatv("<svg width='{0}' height='{1}' "
                      "xmlns='http://www.w3.org/2000/svg'>\n",
                      kWidth, kHeight + 10);
  for (int db = 0; db <= top; db += 10) {
    double y = kHeight - kBottom - db / top * (kHeight - kBottom - 10);
    os << llvm::formatv("<line x1='{0}' x2='{1}' y1='{2:F1}' y2='{2:F1}' "
                        "stroke='#ddd'/><text x='5' y='{3:F1}' "
                        "font-size='11'>{4} dB</text>\n",
                        kLeft, kWidth, y, y + 4, db);
  }
  for (auto [i, value] : llvm::enumerate(layers)) {
    const llvm::json::Object &layer = *value.getAsObject();
    double db = std::clamp(*layer.getNumber("sqnr_db"), 0.0, top);
    double h = db / top * (kHeight - kBottom - 10);
    os << llvm::formatv(
        "<rect x='{0:F1}' y='{1:F1}' width='{2:F1}' height='{3:F1}' "
        "fill='{4}'><title>{5} ({6}): {7:F1} dB</title></rect>\n",
        kLeft + i * step, kHeight - kBottom - h, std::max(1.0, step - 1), h,
        *layer.getInteger("bits") > 8 ? "#d62728" : "#1f77b4",
        escape(*layer.getString("name")), escape(*layer.getString("op")),
        *layer.getNumber("sqnr_db"));
  }
  os << llvm::formatv("<text x='{0}' y='{1}' font-size='11'>layers in "
                      "program order (red: 16-bit)</text></svg>\n",
                      kLeft, kHeight);
}

/// An SVG scatter of the mixed-precision front: bit-ops against SQNR.
void frontChart(llvm::raw_ostream &os, const llvm::json::Array &front) {
  constexpr int kWidth = 600, kHeight = 320, kLeft = 60, kBottom = 40;
  double maxOps = 1, minDb = 1e9, maxDb = -1e9;
  for (const llvm::json::Value &v : front) {
    const llvm::json::Object &p = *v.getAsObject();
    maxOps = std::max(maxOps, *p.getNumber("bit_ops"));
    minDb = std::min(minDb, std::min(80.0, *p.getNumber("sqnr_db")));
    maxDb = std::max(maxDb, std::min(80.0, *p.getNumber("sqnr_db")));
  }
  minDb = std::floor(minDb / 5) * 5;
  maxDb = std::max(minDb + 5, std::ceil(maxDb / 5) * 5);
  auto x = [&](double ops) {
    return kLeft + ops / maxOps * (kWidth - kLeft - 20);
  };
  auto y = [&](double db) {
    return kHeight - kBottom -
           (std::min(80.0, db) - minDb) / (maxDb - minDb) *
               (kHeight - kBottom - 20);
  };
  os << llvm::formatv("<svg width='{0}' height='{1}' "
                      "xmlns='http://www.w3.org/2000/svg'>\n",
                      kWidth, kHeight);
  os << llvm::formatv("<line x1='{0}' x2='{1}' y1='{2}' y2='{2}' "
                      "stroke='#000'/><line x1='{0}' x2='{0}' y1='10' "
                      "y2='{2}' stroke='#000'/>\n",
                      kLeft, kWidth - 10, kHeight - kBottom);
  os << llvm::formatv("<text x='{0}' y='{1}' font-size='11'>bit-ops "
                      "(0 to {2:F0})</text><text x='5' y='{3:F0}' "
                      "font-size='11'>{4:F0} dB</text><text x='5' "
                      "y='{5:F0}' font-size='11'>{6:F0} dB</text>\n",
                      kLeft, kHeight - 10, maxOps, y(maxDb) + 4, maxDb,
                      y(minDb), minDb);
  for (const llvm::json::Value &v : front) {
    const llvm::json::Object &p = *v.getAsObject();
    bool chosen = *p.getBoolean("chosen");
    std::string layers;
    for (const llvm::json::Value &l : *p.getArray("layers"))
      layers += escape(*l.getAsString()) + " ";
    os << llvm::formatv(
        "<circle cx='{0:F1}' cy='{1:F1}' r='{2}' fill='{3}'><title>{4} "
        "bit-ops, {5:F2} % agreement, {6:F1} dB: {7}</title></circle>\n",
        x(*p.getNumber("bit_ops")), y(*p.getNumber("sqnr_db")), chosen ? 7 : 4,
        chosen ? "#d62728" : "#1f77b4", *p.getInteger("bit_ops"),
        *p.getNumber("agreement_percent"), *p.getNumber("sqnr_db"), layers);
  }
  os << "</svg>\n";
}

void writeHtml(llvm::raw_ostream &os, const llvm::json::Object &report) {
  os << "<!DOCTYPE html>\n<html><head><meta charset='utf-8'><title>qcc "
        "quantization report</title><style>body{font-family:sans-serif}"
        "table{border-collapse:collapse;font-size:12px}td,th{border:1px "
        "solid #ccc;padding:2px 6px;text-align:right}td:first-child,"
        "td:nth-child(2){text-align:left}.warn{color:#d62728}</style>"
        "</head><body>\n<h1>qcc quantization report</h1>\n";
  const llvm::json::Array &layers = *report.getArray("layers");
  os << "<h2>Output SQNR per layer, against float on the calibration "
        "inputs</h2>\n";
  sqnrChart(os, layers);
  if (const llvm::json::Object *mixed = report.getObject("mixed_precision")) {
    os << "<h2>Mixed precision: the Pareto front (red: chosen)</h2>\n";
    frontChart(os, *mixed->getArray("front"));
    os << "<table><tr><th>bit-ops</th><th>agreement %</th><th>SQNR "
          "dB</th><th>layers</th></tr>\n";
    for (const llvm::json::Value &v : *mixed->getArray("front")) {
      const llvm::json::Object &p = *v.getAsObject();
      std::string assignment;
      for (const llvm::json::Value &l : *p.getArray("layers"))
        assignment += escape(*l.getAsString()) + " ";
      os << llvm::formatv("<tr{0}><td>{1}</td><td>{2:F2}</td><td>{3:F1}</td>"
                          "<td style='text-align:left'>{4}</td></tr>\n",
                          *p.getBoolean("chosen") ? " class='warn'" : "",
                          *p.getInteger("bit_ops"),
                          *p.getNumber("agreement_percent"),
                          *p.getNumber("sqnr_db"), assignment);
    }
    os << "</table>\n";
  }
  os << "<h2>Layers</h2>\n<table><tr><th>name</th><th>op</th><th>bits</th>"
        "<th>scale</th><th>zero point</th><th>range</th><th>MACs</th>"
        "<th>bit-ops</th><th>accumulator bits</th><th>SQNR dB</th></tr>\n";
  for (const llvm::json::Value &v : layers) {
    const llvm::json::Object &l = *v.getAsObject();
    std::string range;
    if (const llvm::json::Array *r = l.getArray("range"))
      range = llvm::formatv("[{0:G4}, {1:G4}]", *(*r)[0].getAsNumber(),
                            *(*r)[1].getAsNumber());
    std::string acc;
    if (std::optional<int64_t> bits = l.getInteger("accumulator_bits"))
      acc = std::to_string(*bits) +
            (*l.getBoolean("accumulator_fits_int32") ? "" : " (may wrap)");
    os << llvm::formatv(
        "<tr><td>{0}</td><td>{1}</td><td>{2}</td><td>{3:G4}</td><td>{4}</td>"
        "<td>{5}</td><td>{6}</td><td>{7}</td><td{8}>{9}</td><td>{10:F1}</td>"
        "</tr>\n",
        escape(*l.getString("name")), escape(*l.getString("op")),
        *l.getInteger("bits"), *l.getNumber("scale"),
        *l.getInteger("zero_point"), range, l.getInteger("macs").value_or(0),
        l.getInteger("bit_ops").value_or(0),
        acc.find("wrap") != std::string::npos ? " class='warn'" : "", acc,
        *l.getNumber("sqnr_db"));
  }
  os << "</table>\n</body></html>\n";
}

} // namespace

LogicalResult writeReport(const llvm::json::Value &report, StringRef path) {
  bool html = path.ends_with(".html") || path.ends_with(".htm");
  llvm::Error error = writeFile(path, [&](llvm::raw_ostream &os) {
    if (html)
      writeHtml(os, *report.getAsObject());
    else
      os << llvm::formatv("{0:2}", report) << "\n";
  });
  if (error) {
    llvm::WithColor::error(llvm::errs(), "qcc")
        << llvm::toString(std::move(error)) << "\n";
    return failure();
  }
  return success();
}

} // namespace qcc
