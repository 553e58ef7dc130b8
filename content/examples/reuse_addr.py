"""SO_REUSEADDR 与 TIME-WAIT · SO_REUSEADDR and TIME-WAIT.

谁先关闭连接，谁那一端就进入 TIME-WAIT（Linux 上 60 秒）。服务器先关时，这期间重新 bind 同一个端口：
不设 SO_REUSEADDR 会失败（EADDRINUSE），设了就成功。结果以 Linux 为准，其他系统见章节正文。
Whoever closes first holds TIME-WAIT (60 s on Linux). If the server closed first, binding its port
again meanwhile fails with EADDRINUSE without SO_REUSEADDR and succeeds with it (on Linux; other
systems differ, see the chapter).
"""
import errno
import socket
import sys
import time

HOST = '127.0.0.1'


def time_wait(port, side):
    """Linux：/proc/net/tcp 里处于 TIME-WAIT（状态 06）的连接数 · TIME-WAIT rows whose local
    (side=0) or remote (side=1) port is `port`; None where there is no /proc/net/tcp."""
    try:
        with open('/proc/net/tcp') as f:
            rows = [line.split() for line in f.readlines()[1:]]
    except OSError:
        return None
    return sum(1 for r in rows if r[1 + side].endswith(f':{port:04X}') and r[3] == '06')


def one_connection(reuse, server_first):
    """服务器接一个连接，一方先关 · a server accepts one connection; one side closes first."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as server:
        if reuse:
            server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        server.bind((HOST, 0))
        server.listen()
        port = server.getsockname()[1]
        client = socket.create_connection((HOST, port))
        conn, _ = server.accept()
        first, second = (conn, client) if server_first else (client, conn)
        first.close()                                # 主动关闭方 · the active closer
        second.recv(1)                               # 另一方收到 b'' · the other side sees b''
        second.close()
    side = 0 if server_first else 1                  # TIME-WAIT 在哪一端 · where TIME-WAIT sits
    for _ in range(50):                              # 最多等 1 秒 · wait at most 1 s
        if time_wait(port, side) != 0:
            break
        time.sleep(0.02)
    return port


def restart(port, reuse):
    """像重启的服务器那样 bind + listen · bind and listen like a restarted server."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        if reuse:
            s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            s.bind((HOST, port))
            s.listen()
        except OSError as e:
            return f'bind failed: {errno.errorcode.get(e.errno, e.errno)} ({e.strerror})'
        return 'bind succeeded'


def state(port):
    n = time_wait(port, 0)
    return 'TIME-WAIT not visible on this OS' if n is None else f'{n} in TIME-WAIT on the server port'


def main():
    print(f'platform: {sys.platform}')
    # A. 客户端先关：TIME-WAIT 在客户端的临时端口上 · client first: TIME-WAIT on its ephemeral port
    port = one_connection(reuse=False, server_first=False)
    print(f'A. client closed first ({state(port)})')
    print(f'   restart without SO_REUSEADDR: {restart(port, reuse=False)}')
    # B. 服务器先关，而且和 echo_server.py 一样设了 SO_REUSEADDR · server first, option set as usual
    port = one_connection(reuse=True, server_first=True)
    print(f'B. server closed first ({state(port)})')
    print(f'   restart without SO_REUSEADDR: {restart(port, reuse=False)}')
    print(f'   restart with SO_REUSEADDR:    {restart(port, reuse=True)}')
    # C. 服务器先关，但当初没设：Linux 要求两边都设过 · server first, option NOT set the first time
    port = one_connection(reuse=False, server_first=True)
    print(f'C. server closed first, first run without SO_REUSEADDR ({state(port)})')
    print(f'   restart with SO_REUSEADDR:    {restart(port, reuse=True)}')


if __name__ == '__main__':
    main()
