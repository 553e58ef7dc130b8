"""TCP 回声客户端 · TCP echo client.

python3 echo_client.py PORT [MESSAGE ...]   连 echo_server.py · talk to echo_server.py
python3 echo_client.py                      先自己启动 echo_server.py --clients 1
                                            (no port: start a one-client server first)
"""
import argparse
import os
import socket
import subprocess
import sys

HOST = '127.0.0.1'


def recv_exact(sock, n):
    """收满 n 个字节，一次 recv 可能不够 · read exactly n bytes."""
    data = b''
    while len(data) < n:
        chunk = sock.recv(n - len(data))
        if not chunk:                        # 服务器中途关闭 · server closed early
            raise ConnectionError(f'closed after {len(data)} of {n} bytes')
        data += chunk
    return data


def talk(port, messages):
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as client:
        client.connect((HOST, port))         # 握手在这里面完成 · handshake inside
        me = '{}:{}'.format(*client.getsockname())   # 临时端口 · ephemeral port
        print(f'connected to {HOST}:{port} from {me}')
        for text in messages:
            data = text.encode('utf-8')      # 套接字只认字节 · sockets carry bytes
            client.sendall(data)
            echo = recv_exact(client, len(data))   # 回声一样长 · same length back
            print(f'sent {len(data)} bytes, echo: {echo.decode("utf-8")}')
    # 离开 with 就 close，服务器的 recv 返回 b'' · close -> the server sees b''


def demo(messages):
    """没给端口：启动只服务 1 个客户端的服务器 · no port: a one-client server."""
    here = os.path.dirname(os.path.abspath(__file__))
    server = subprocess.Popen(
        [sys.executable, os.path.join(here, 'echo_server.py'), '--clients', '1'],
        stdout=subprocess.PIPE, text=True, encoding='utf-8')
    try:
        first = server.stdout.readline()     # listening on 127.0.0.1:PORT
        port = int(first.rsplit(':', 1)[1])
        print(f'(no port given: started echo_server.py --clients 1 on port {port})')
        talk(port, messages)
        rest, _ = server.communicate(timeout=5)   # 它服务完就退出 · it exits by itself
    finally:
        if server.poll() is None:            # 出了错才会走到这里 · only on errors
            server.kill()
            server.wait()
    print('server printed:')
    for line in (first + rest).splitlines():
        print(f'  {line}')


if __name__ == '__main__':
    parser = argparse.ArgumentParser(description='TCP echo client')
    parser.add_argument('port', nargs='?', type=int,
                        help='the port echo_server.py printed')
    parser.add_argument('messages', nargs='*', default=['hello', '你好'])
    args = parser.parse_args()
    if args.port is None:
        demo(args.messages)
    else:
        talk(args.port, args.messages)
