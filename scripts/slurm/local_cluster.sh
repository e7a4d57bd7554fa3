#!/usr/bin/env bash
# A single-node Slurm cluster on this machine, for tests and for trying the
# batch script: munged, slurmctld and slurmd from Debian's packages, with every
# file (key, sockets, state, logs, config) under one folder and ports of its own,
# so nothing of the system's own set-up is touched.
#
#   scripts/slurm/local_cluster.sh start DIR   # then: export SLURM_CONF=DIR/slurm.conf
#   scripts/slurm/local_cluster.sh stop DIR
#
# Must run as root (slurmd starts jobs as their user).
set -euo pipefail
cmd=${1:?start|stop}; dir=$(realpath -m "${2:?folder}")
case "$cmd" in
start)
  mkdir -p "$dir"/{state,spool,log}
  chmod 0700 "$dir"
  host=$(hostname -s)
  # (nproc obeys OMP_THREAD_LIMIT and OMP_NUM_THREADS, which the tests set to 1
  # for Tesseract: the machine's CPUs are what slurmd sees.)
  cpus=$(env -u OMP_THREAD_LIMIT -u OMP_NUM_THREADS nproc)
  if [ ! -f "$dir/munge.key" ]; then
    dd if=/dev/urandom of="$dir/munge.key" bs=1024 count=1 status=none
    chmod 0400 "$dir/munge.key"
  fi
  port=${KEHOACH_SLURM_PORT:-16817}
  cat > "$dir/slurm.conf" <<CONF
ClusterName=kehoach
SlurmctldHost=$host
SlurmctldPort=$port
SlurmdPort=$((port + 1))
AuthType=auth/munge
CredType=cred/munge
AuthInfo=socket=$dir/munge.sock
SlurmUser=root
SlurmdUser=root
StateSaveLocation=$dir/state
SlurmdSpoolDir=$dir/spool
SlurmctldPidFile=$dir/slurmctld.pid
SlurmdPidFile=$dir/slurmd.pid
SlurmctldLogFile=$dir/log/slurmctld.log
SlurmdLogFile=$dir/log/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SwitchType=switch/none
MpiDefault=none
SchedulerType=sched/builtin
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU
AccountingStorageType=accounting_storage/none
JobAcctGatherType=jobacct_gather/none
JobCompType=jobcomp/none
ReturnToService=2
MaxArraySize=10001
SlurmctldTimeout=30
SlurmdTimeout=30
NodeName=$host CPUs=$cpus State=UNKNOWN
PartitionName=batch Nodes=ALL Default=YES MaxTime=INFINITE State=UP
CONF
  munged --force --key-file="$dir/munge.key" --socket="$dir/munge.sock" \
         --pid-file="$dir/munged.pid" --log-file="$dir/log/munged.log" --seed-file="$dir/munge.seed"
  export SLURM_CONF=$dir/slurm.conf
  slurmctld -i
  slurmd
  # Wait until the node takes jobs.
  for _ in $(seq 1 60); do
    if sinfo -h -o %T 2>/dev/null | grep -qE '^(idle|mixed|allocated)'; then
      echo "local_cluster: up ($host, $cpus CPUs); export SLURM_CONF=$dir/slurm.conf"
      exit 0
    fi
    sleep 0.5
  done
  echo "local_cluster: the node did not come up; see $dir/log" >&2
  sinfo >&2 || true
  exit 1
  ;;
stop)
  for p in slurmd slurmctld munged; do
    [ -f "$dir/$p.pid" ] && kill "$(cat "$dir/$p.pid")" 2>/dev/null || true
  done
  for _ in $(seq 1 20); do
    alive=0
    for p in slurmd slurmctld munged; do
      [ -f "$dir/$p.pid" ] && kill -0 "$(cat "$dir/$p.pid")" 2>/dev/null && alive=1
    done
    [ $alive -eq 0 ] && break
    sleep 0.25
  done
  ;;
*) echo "usage: $0 start|stop DIR" >&2; exit 2 ;;
esac
