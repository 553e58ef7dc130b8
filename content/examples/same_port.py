"""同一个端口号，TCP 和 UDP 各绑一次 · One port number, bound once by TCP and once by UDP.

端口号是按协议分开登记的：TCP 的 5353 和 UDP 的 5353 是两个不同的端点。
Port numbers are kept per protocol: TCP port 5353 and UDP port 5353 are two different endpoints.
"""
import errno
import socket

HOST = '127.0.0.1'
# Linux/macOS 报 EADDRINUSE；Windows 报 WSAEADDRINUSE (10048) · the "port in use" codes per OS
IN_USE = {errno.EADDRINUSE, getattr(errno, 'WSAEADDRINUSE', errno.EADDRINUSE)}


def bind_same_port(attempts: int = 5) -> tuple[socket.socket, socket.socket]:
    for _ in range(attempts):
        tcp = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        tcp.bind((HOST, 0))                      # TCP 先让系统挑一个空闲端口 · TCP: any free port
        port = tcp.getsockname()[1]
        udp = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        try:
            udp.bind((HOST, port))               # UDP 绑同一个号码 · UDP: the very same number
        except OSError as e:
            tcp.close()
            udp.close()
            if e.errno in IN_USE:                # 这个号码的 UDP 端口恰好有人用 · that UDP port is taken
                continue                         # 换一个号码再试 · try another number
            raise
        return tcp, udp
    raise RuntimeError(f'no port free for both TCP and UDP after {attempts} attempts')


def main() -> None:
    tcp, udp = bind_same_port()
    with tcp, udp:
        tcp.listen()
        tcp_port = tcp.getsockname()[1]
        udp_port = udp.getsockname()[1]
        print(f'tcp {HOST}:{tcp_port} and udp {HOST}:{udp_port} both bound')


if __name__ == '__main__':
    main()
