import socket

with socket.create_server(('127.0.0.1', 0)) as server:
    port = server.getsockname()[1]
    clients = [socket.create_connection(('127.0.0.1', port)) for _ in range(3)]
    for _ in clients:
        conn, peer = server.accept()
        print(conn.getsockname(), '<->', peer)
        conn.close()
    for c in clients:
        c.close()
