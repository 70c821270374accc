//===- PlanMemory.cpp - Static arena planning -----------------------------===//
//
// Part of the qcc project, under the Apache License v2.0 with LLVM Exceptions.
// See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
//
// Greedy by size (as TFLite's arena planner): buffers are placed largest
// first, each at the lowest 128-byte aligned offset where it overlaps no
// placed buffer that is live at the same time. The int32 accumulators of a
// contraction with a fused requantize are never stored and get none.
//
//===----------------------------------------------------------------------===//

#include "qcc/Dialect/Qcc/IR/QccOps.h"
#include "qcc/Dialect/Qcc/IR/QccShapes.h"
#include "qcc/Dialect/Qcc/Transforms/Passes.h"

#include "llvm/ADT/MapVector.h"

namespace qcc {
#define GEN_PASS_DEF_PLANMEMORY
#include "qcc/Dialect/Qcc/Transforms/Passes.h.inc"
} // namespace qcc

using namespace mlir;
using namespace qcc;

namespace {

constexpr int64_t kAlignment = 128;

/// Ops whose result is their input's bytes under another type or shape.
bool isAlias(Operation *op) {
  return isa<ReshapeOp, FlattenOp, SqueezeOp, UnsqueezeOp, StorageCastOp>(op);
}

/// One arena buffer: the values sharing it and when it is live.
struct Buffer {
  int64_t size = 0, first = 0, last = 0, offset = -1;
  SmallVector<Value> values;
};

struct PlanMemoryPass : qcc::impl::PlanMemoryBase<PlanMemoryPass> {
  void runOnOperation() override {
    func::FuncOp func = getOperation();
    if (!func.getBody().hasOneBlock()) {
      func.emitError("qcc-plan-memory needs a single-block function");
      return signalPassFailure();
    }
    Block &block = func.getBody().front();
    Operation *terminator = block.getTerminator();
    llvm::DenseSet<Value> returned(terminator->operand_begin(),
                                   terminator->operand_end());

    // Program positions, and the buffer of every value that needs one:
    // results of computing ops (not constants, arguments, returned values);
    // an alias shares its input's buffer, if it has one.
    llvm::DenseMap<Operation *, int64_t> position;
    llvm::MapVector<Value, size_t> bufferOf;
    std::vector<Buffer> buffers;
    int64_t index = 0;
    for (Operation &op : block) {
      position[&op] = index++;
      if (isa<ConstantOp>(op) || &op == terminator || fusedRequantize(&op))
        continue;
      for (Value result : op.getResults()) {
        if (returned.contains(result))
          continue;
        if (isAlias(&op)) {
          // The input's buffer, or none: an argument's or a constant's
          // bytes are read where they are.
          auto it = bufferOf.find(op.getOperand(0));
          if (it != bufferOf.end()) {
            size_t id = it->second; // inserting below moves the entries
            bufferOf[result] = id;
            buffers[id].values.push_back(result);
          }
          continue;
        }
        // A fused requantize's result is written by its contraction.
        int64_t first = position[&op];
        if (auto rq = dyn_cast<RequantizeOp>(op))
          if (Operation *cast = rq.getInput().getDefiningOp())
            if (Operation *contraction = cast->getOperand(0).getDefiningOp();
                contraction && isa<StorageCastOp>(cast) &&
                fusedRequantize(contraction) == rq)
              first = position[contraction];
        bufferOf[result] = buffers.size();
        buffers.push_back(
            {storageBytes(result.getType()), first, first, -1, {result}});
      }
    }
    for (auto &[value, id] : bufferOf)
      for (Operation *user : value.getUsers())
        buffers[id].last = std::max(buffers[id].last, position[user]);

    // Largest first; ties in program order.
    SmallVector<size_t> order =
        llvm::to_vector(llvm::seq<size_t>(0, buffers.size()));
    llvm::sort(order, [&](size_t a, size_t b) {
      return std::make_pair(-buffers[a].size, a) <
             std::make_pair(-buffers[b].size, b);
    });
    SmallVector<size_t> placed;
    int64_t arenaSize = 0;
    for (size_t id : order) {
      Buffer &buffer = buffers[id];
      // Live neighbours, by offset.
      SmallVector<size_t> overlapping;
      for (size_t other : placed)
        if (buffers[other].first <= buffer.last &&
            buffer.first <= buffers[other].last)
          overlapping.push_back(other);
      llvm::sort(overlapping, [&](size_t a, size_t b) {
        return buffers[a].offset < buffers[b].offset;
      });
      int64_t offset = 0;
      for (size_t other : overlapping) {
        if (offset + buffer.size <= buffers[other].offset)
          break;
        offset = std::max<int64_t>(
            offset, llvm::alignTo(buffers[other].offset + buffers[other].size,
                                  kAlignment));
      }
      buffer.offset = offset;
      arenaSize = std::max<int64_t>(arenaSize, offset + buffer.size);
      placed.push_back(id);
    }

    // The largest live set: buffers become live in order of `first`.
    int64_t livePeak = 0;
    for (const Buffer &at : buffers) {
      int64_t live = 0;
      for (const Buffer &other : buffers)
        if (other.first <= at.first && at.first <= other.last)
          live += other.size;
      livePeak = std::max(livePeak, live);
    }

    Builder b(&getContext());
    for (auto &[value, id] : bufferOf)
      value.getDefiningOp()->setAttr(QccDialect::kArenaOffsetAttrName,
                                     b.getI64IntegerAttr(buffers[id].offset));
    func->setAttr(QccDialect::kArenaSizeAttrName,
                  b.getI64IntegerAttr(llvm::alignTo(arenaSize, kAlignment)));
    func->setAttr(QccDialect::kArenaLivePeakAttrName,
                  b.getI64IntegerAttr(livePeak));
  }
};

} // namespace
