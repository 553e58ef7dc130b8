"""TCP 回声服务器：收到什么就发回什么 · TCP echo server: sends back what it gets.

python3 echo_server.py [PORT] [--clients N]
  PORT         默认 0：让系统挑一个空闲端口 · default 0: the OS picks a free port
  --clients N  服务完 N 个客户端就退出 · exit after N clients (for tests)
不给 --clients 就一直服务，Ctrl+C 或 SIGTERM 停止 · else serve until Ctrl+C/SIGTERM.
"""
import argparse
import os
import signal
import socket

HOST = '127.0.0.1'


def handle(conn, peer):
    """服务一个客户端，直到它关闭 · serve one client until it closes."""
    with conn:                               # 离开时必定 close · always closed
        try:
            while True:
                data = conn.recv(1024)       # 阻塞等数据 · blocks
                if not data:                 # b''：对方关闭了 · peer closed
                    print(f'{peer} closed the connection', flush=True)
                    return
                conn.sendall(data)           # 全部发完 · send all of it
        except (ConnectionResetError, BrokenPipeError):   # 对方发来 RST · RST
            print(f'{peer} reset the connection', flush=True)


def serve(port=0, clients=None):
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as server:
        if os.name != 'nt':                  # Windows 上不设，见正文 · not on Windows
            server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        server.bind((HOST, port))            # 在 setsockopt 之后 · after setsockopt
        server.listen(5)                     # 等待 accept 的队列 · the accept queue
        print(f'listening on {HOST}:{server.getsockname()[1]}', flush=True)
        served = 0
        while clients is None or served < clients:
            conn, (ip, cport) = server.accept()   # 新套接字 + 对方地址 · new socket
            peer = f'{ip}:{cport}'
            print(f'connection from {peer}', flush=True)
            handle(conn, peer)               # 一次只服务一个 · one client at a time
            served += 1


def stop(signum, frame):
    raise KeyboardInterrupt                  # SIGTERM 当 Ctrl+C · like Ctrl+C


if __name__ == '__main__':
    parser = argparse.ArgumentParser(description='TCP echo server on 127.0.0.1')
    parser.add_argument('port', nargs='?', type=int, default=0,
                        help='port to bind (default 0: any free port)')
    parser.add_argument('--clients', type=int,
                        help='exit after serving this many clients')
    args = parser.parse_args()
    signal.signal(signal.SIGTERM, stop)
    try:
        serve(args.port, args.clients)
    except KeyboardInterrupt:                # with 已经关了套接字 · `with` closed it
        print('interrupted', flush=True)
    print('server stopped', flush=True)
