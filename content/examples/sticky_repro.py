"""粘包复现：两次 sendall，一次 recv · Sticky packets: two sendall calls, one recv."""
import socket
import threading
import time


def server(listener, got):
    conn, _ = listener.accept()
    with conn:
        time.sleep(0.1)                  # 等两次发送都到达 · let both writes arrive first
        got.append(conn.recv(1024))      # 只 recv 一次 · a single recv


with socket.create_server(('127.0.0.1', 0)) as listener:   # 端口 0 · port 0
    got = []
    t = threading.Thread(target=server, args=(listener, got))
    t.start()
    with socket.create_connection(listener.getsockname()) as client:
        client.sendall(b'hello')         # 第一条“消息” · the first "message"
        client.sendall(b'world')         # 第二条“消息” · the second "message"
        t.join()                         # 等服务端收完再关 · close only after the server has read
    print(f'server got {got[0]!r} in one recv')   # server got b'helloworld' in one recv
