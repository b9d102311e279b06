#!/usr/bin/env bash
# PS demux throughput, whole process, against ffmpeg on the same file in the same run
# (issue 5 "Benchmarks"; method and figures in docs/performance.md "PS demuxer").
#
#   benchmarks/ps-vs-ffmpeg.sh [size=1280x720] [seconds=60] [runs=5] [bitrate=6M] [x264 preset=veryfast]
#
# Makes /tmp/psbench/<size>-<seconds>s.ps with ffmpeg (testsrc2, libx264, -f mpeg) unless it exists, then
# alternates `ffmpeg -i x.ps -map 0:v -c copy -f h264`, PsDemuxThroughput pipelined (the Java side's main
# figure: PIPELINE_ARGS, by default `--pipeline --read=1m`, reader, demuxer and writer threads on the cores)
# and PsDemuxThroughput on one thread (the earlier figure), each writing the same .h264, under /usr/bin/time, checks every output is
# byte-identical to ffmpeg's, and prints medians (wall, CPU, max RSS) and the ratios, with the load average
# before each run; on a shared machine the CPU-time ratio is the steadier one. The JVM runs with JAVA_OPTS, by default `-XX:+UseSerialGC -Xmn16m` (one demuxing thread: no parallel
# GC threads; a small young generation stays in the cache, and every frame array dies young), plus an AppCDS
# archive of the classes the benchmark loads, made by this script from the same jar on its first run
# (/tmp/psbench/ps-demux.jsa, remade when the jar is newer): start-up is part of the whole-process figure.
# SINK=null sends both sides' output to /dev/null (the demuxing alone, without the kernel's copy into the
# page cache, which both pay alike); the outputs are then compared once, from files, before the timed runs.
# Needs ffmpeg, GNU time, Java 17 and benchmarks/target/benchmarks.jar
# (mvn -B -o -q -pl benchmarks -am package -DskipTests). Media files stay under /tmp, never committed.
set -euo pipefail

size=${1:-1280x720}
seconds=${2:-60}
runs=${3:-5}
bitrate=${4:-6M}
preset=${5:-veryfast}
root=$(cd "$(dirname "$0")/.." && pwd)
jar=$root/benchmarks/target/benchmarks.jar
work=/tmp/psbench
ps=$work/$size-${seconds}s.ps
java_opts=${JAVA_OPTS--XX:+UseSerialGC -Xmn16m}
pipeline_args=${PIPELINE_ARGS---pipeline --read=1m}
jsa=$work/ps-demux.jsa
sink=${SINK:-file}

[[ -f $jar ]] || { echo "missing $jar: mvn -B -o -q -pl benchmarks -am package -DskipTests" >&2; exit 1; }
mkdir -p "$work"
if [[ ! -f $ps ]]; then
  echo "making $ps"
  ffmpeg -y -loglevel error -f lavfi -i "testsrc2=size=$size:rate=25" -t "$seconds" -c:v libx264 \
    -preset "$preset" -b:v "$bitrate" -g 50 -bf 0 -pix_fmt yuv420p -f mpeg "$ps"
fi
if [[ ! -f $jsa || $jar -nt $jsa ]]; then
  echo "making the AppCDS archive $jsa"
  rm -f "$jsa"
  # shellcheck disable=SC2086
  java -XX:ArchiveClassesAtExit="$jsa" $java_opts -cp "$jar" dev.gb28181.benchmarks.PsDemuxThroughput "$ps" 1400 1 \
    /dev/null $pipeline_args >/dev/null 2>&1
fi
java_opts="$java_opts -XX:SharedArchiveFile=$jsa"
bytes=$(stat -c %s "$ps")
echo "file: $ps ($bytes bytes), output to ${sink/null//dev/null}, $runs runs each, alternating; JVM flags '$java_opts'; pipelined '$pipeline_args'"

median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
same() {
  cmp -s "$work/ffmpeg.h264" "$work/ours.h264" || { echo "output of $1: DIFFERS from ffmpeg's" >&2; exit 1; }
}
load() { cut -d' ' -f1 /proc/loadavg; }
ffmpeg_out=$work/ffmpeg.h264
ours_out=$work/ours.h264
if [[ $sink == null ]]; then
  ffmpeg -y -loglevel error -i "$ps" -map 0:v -c copy -f h264 "$ffmpeg_out"
  # shellcheck disable=SC2086
  java $java_opts -cp "$jar" dev.gb28181.benchmarks.PsDemuxThroughput "$ps" 1400 1 "$ours_out" >/dev/null
  same "one thread"
  # shellcheck disable=SC2086
  java $java_opts -cp "$jar" dev.gb28181.benchmarks.PsDemuxThroughput "$ps" 1400 1 "$ours_out" $pipeline_args >/dev/null
  same pipelined
  ffmpeg_out=/dev/null
  ours_out=/dev/null
  echo "output: identical to ffmpeg's, checked once; the timed runs write to /dev/null"
fi
check() { [[ $sink == null ]] || same "$1"; }
: > "$work/ffmpeg.times"
: > "$work/java.times"
: > "$work/pipelined.times"
for ((i = 1; i <= runs; i++)); do
  /usr/bin/time -f "%e %M %U %S $(load)" -a -o "$work/ffmpeg.times" \
    ffmpeg -y -loglevel error -i "$ps" -map 0:v -c copy -f h264 "$ffmpeg_out"
  # shellcheck disable=SC2086
  /usr/bin/time -f "%e %M %U %S $(load)" -a -o "$work/java.times" \
    java $java_opts -cp "$jar" dev.gb28181.benchmarks.PsDemuxThroughput "$ps" 1400 1 "$ours_out" >/dev/null
  check "one thread"
  # shellcheck disable=SC2086
  /usr/bin/time -f "%e %M %U %S $(load)" -a -o "$work/pipelined.times" \
    java $java_opts -cp "$jar" dev.gb28181.benchmarks.PsDemuxThroughput "$ps" 1400 1 "$ours_out" \
    $pipeline_args >/dev/null
  check pipelined
done
[[ $sink == null ]] || echo "output: identical to ffmpeg's ($(stat -c %s "$work/ours.h264") bytes), every run"

report() {
  local name=$1 file=$2 wall rss cpu loads
  wall=$(cut -d' ' -f1 "$file" | median)
  rss=$(cut -d' ' -f2 "$file" | median)
  cpu=$(awk '{print $3 + $4}' "$file" | median)
  loads=$(cut -d' ' -f5 "$file" | tr '\n' ' ')
  awk -v n="$name" -v w="$wall" -v r="$rss" -v c="$cpu" -v b="$bytes" -v l="$loads" 'BEGIN {printf \
    "%-34s wall %6.2f s  %7.1f MB/s  CPU (user+sys) %6.2f s  %7.1f MB/CPU-s  max RSS %6.1f MiB  load %s\n", \
    n, w, b / 1e6 / w, c, b / 1e6 / c, r / 1024, l}'
}
report "ffmpeg -c copy -f h264" "$work/ffmpeg.times"
report "PsDemuxThroughput pipelined" "$work/pipelined.times"
report "PsDemuxThroughput one thread" "$work/java.times"
ratio() { # ffmpeg's median of column $1 over ours: above 1 means we are faster
  awk -v f="$(awk "{print $1}" "$work/ffmpeg.times" | median)" -v j="$(awk "{print $1}" "$work/$3.times" | median)" \
    -v n="$2" -v s="$4" 'BEGIN {printf "whole process, %s, %s: ours is %.2fx ffmpeg\n", s, n, f / j}'
}
ratio '$1' "wall time" pipelined pipelined
ratio '$3 + $4' "CPU time" pipelined pipelined
ratio '$1' "wall time" java "one thread"
ratio '$3 + $4' "CPU time" java "one thread"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"

echo "steady state in one JVM (10 repetitions, counting sink, then writing; MB/CPU-s of the demuxing thread):"
# shellcheck disable=SC2086
java $java_opts -cp "$jar" dev.gb28181.benchmarks.PsDemuxThroughput "$ps" 1400 10 - | tail -1
# shellcheck disable=SC2086
java $java_opts -cp "$jar" dev.gb28181.benchmarks.PsDemuxThroughput "$ps" 1400 10 "$work/ours.h264" | tail -1
echo "steady state pipelined (10 repetitions, writing; wall MB/s, and MB/CPU-s of the demuxing thread alone):"
# shellcheck disable=SC2086
java $java_opts -cp "$jar" dev.gb28181.benchmarks.PsDemuxThroughput "$ps" 1400 10 "$work/ours.h264" \
  $pipeline_args | tail -1
