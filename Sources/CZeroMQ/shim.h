// ZeroMQ (Debian's libzmq3-dev), for the Jupyter kernel's sockets; only ZMQSocket.swift speaks to it.
#ifndef MML_CZEROMQ_SHIM_H
#define MML_CZEROMQ_SHIM_H
#include <zmq.h>
#endif
