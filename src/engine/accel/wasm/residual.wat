;; The residual kernel of fused/residual.ts in WebAssembly SIMD, for float32 data.
;;
;; For d = y − (x·w + b) it adds, block by block, Σd², Σd·k and Σ(d·k)·x into three f64 totals.
;; Why WebAssembly: JavaScript has only float64 arithmetic, so the JS kernel needs a Math.fround
;; after every product and difference to round as float32 ops do. Here each f32x4 op is a
;; correctly rounded float32 op on four elements at once, which is exactly that rounding.
;;
;; Bit for bit the JS kernel: the same BLOCK-sized blocks; within a block four f64 accumulators
;; per sum (element i goes to lane i mod 4 — here lanes 0,1 live in one f64x2 and lanes 2,3 in
;; another), a tail of fewer than four elements added to lane 0, the block total formed as
;; (lane0 + lane1) + (lane2 + lane3) and added to the running total.
;; (b = 0 serves the kernels without a bias: x·w + 0 can only turn −0 into +0, which changes
;; no sum, since every sum starts at +0.)
;;
;; Compiled to residual-wasm.ts by `npm run wasm`; a test checks that the two agree.
(module
  (memory (export "memory") 1)

  (func (export "residualSums")
    (param $xp i32) (param $yp i32) (param $n i32) (param $block i32)
    (param $w f32) (param $b f32) (param $k f32) (param $out i32)
    (local $o i32) (local $i i32) (local $end i32)
    (local $vw v128) (local $vb v128) (local $vk v128)
    (local $xv v128) (local $d v128) (local $sq v128) (local $e v128) (local $g v128)
    (local $qa v128) (local $qb v128) (local $ea v128) (local $eb v128) (local $ga v128) (local $gb v128)
    (local $q0 f64) (local $e0 f64) (local $g0 f64)
    (local $tq f64) (local $te f64) (local $tg f64)
    (local $xs f32) (local $ds f32) (local $es f32)
    (local.set $vw (f32x4.splat (local.get $w)))
    (local.set $vb (f32x4.splat (local.get $b)))
    (local.set $vk (f32x4.splat (local.get $k)))
    (block $done
      (loop $blocks
        (br_if $done (i32.ge_u (local.get $o) (local.get $n)))
        ;; end = min(o + block, n)
        (local.set $end (i32.add (local.get $o) (local.get $block)))
        (if (i32.gt_u (local.get $end) (local.get $n)) (then (local.set $end (local.get $n))))
        (local.set $qa (v128.const i64x2 0 0))
        (local.set $qb (v128.const i64x2 0 0))
        (local.set $ea (v128.const i64x2 0 0))
        (local.set $eb (v128.const i64x2 0 0))
        (local.set $ga (v128.const i64x2 0 0))
        (local.set $gb (v128.const i64x2 0 0))
        (local.set $i (local.get $o))
        ;; four elements at a time while i + 3 < end
        (block $vdone
          (loop $vec
            (br_if $vdone (i32.gt_u (i32.add (local.get $i) (i32.const 4)) (local.get $end)))
            (local.set $xv (v128.load (i32.add (local.get $xp) (i32.shl (local.get $i) (i32.const 2)))))
            (local.set $d
              (f32x4.sub
                (v128.load (i32.add (local.get $yp) (i32.shl (local.get $i) (i32.const 2))))
                (f32x4.add (f32x4.mul (local.get $xv) (local.get $vw)) (local.get $vb))))
            (local.set $sq (f32x4.mul (local.get $d) (local.get $d)))
            (local.set $e (f32x4.mul (local.get $d) (local.get $vk)))
            (local.set $g (f32x4.mul (local.get $e) (local.get $xv)))
            (local.set $qa (f64x2.add (local.get $qa) (f64x2.promote_low_f32x4 (local.get $sq))))
            (local.set $qb (f64x2.add (local.get $qb) (f64x2.promote_low_f32x4
              (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $sq) (local.get $sq)))))
            (local.set $ea (f64x2.add (local.get $ea) (f64x2.promote_low_f32x4 (local.get $e))))
            (local.set $eb (f64x2.add (local.get $eb) (f64x2.promote_low_f32x4
              (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $e) (local.get $e)))))
            (local.set $ga (f64x2.add (local.get $ga) (f64x2.promote_low_f32x4 (local.get $g))))
            (local.set $gb (f64x2.add (local.get $gb) (f64x2.promote_low_f32x4
              (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $g) (local.get $g)))))
            (local.set $i (i32.add (local.get $i) (i32.const 4)))
            (br $vec)))
        ;; the tail, one element at a time, into lane 0
        (local.set $q0 (f64x2.extract_lane 0 (local.get $qa)))
        (local.set $e0 (f64x2.extract_lane 0 (local.get $ea)))
        (local.set $g0 (f64x2.extract_lane 0 (local.get $ga)))
        (block $tdone
          (loop $tail
            (br_if $tdone (i32.ge_u (local.get $i) (local.get $end)))
            (local.set $xs (f32.load (i32.add (local.get $xp) (i32.shl (local.get $i) (i32.const 2)))))
            (local.set $ds
              (f32.sub
                (f32.load (i32.add (local.get $yp) (i32.shl (local.get $i) (i32.const 2))))
                (f32.add (f32.mul (local.get $xs) (local.get $w)) (local.get $b))))
            (local.set $es (f32.mul (local.get $ds) (local.get $k)))
            (local.set $q0 (f64.add (local.get $q0) (f64.promote_f32 (f32.mul (local.get $ds) (local.get $ds)))))
            (local.set $e0 (f64.add (local.get $e0) (f64.promote_f32 (local.get $es))))
            (local.set $g0 (f64.add (local.get $g0) (f64.promote_f32 (f32.mul (local.get $es) (local.get $xs)))))
            (local.set $i (i32.add (local.get $i) (i32.const 1)))
            (br $tail)))
        ;; total += (lane0 + lane1) + (lane2 + lane3)
        (local.set $tq (f64.add (local.get $tq)
          (f64.add
            (f64.add (local.get $q0) (f64x2.extract_lane 1 (local.get $qa)))
            (f64.add (f64x2.extract_lane 0 (local.get $qb)) (f64x2.extract_lane 1 (local.get $qb))))))
        (local.set $te (f64.add (local.get $te)
          (f64.add
            (f64.add (local.get $e0) (f64x2.extract_lane 1 (local.get $ea)))
            (f64.add (f64x2.extract_lane 0 (local.get $eb)) (f64x2.extract_lane 1 (local.get $eb))))))
        (local.set $tg (f64.add (local.get $tg)
          (f64.add
            (f64.add (local.get $g0) (f64x2.extract_lane 1 (local.get $ga)))
            (f64.add (f64x2.extract_lane 0 (local.get $gb)) (f64x2.extract_lane 1 (local.get $gb))))))
        (local.set $o (i32.add (local.get $o) (local.get $block)))
        (br $blocks)))
    (f64.store (local.get $out) (local.get $tq))
    (f64.store offset=8 (local.get $out) (local.get $te))
    (f64.store offset=16 (local.get $out) (local.get $tg))))
